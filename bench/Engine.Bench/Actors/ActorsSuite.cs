using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Akka.Actor;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Bench.Actors;

/// <summary>
/// Akka.NET actors on each <see cref="DispatcherCandidate"/>, against raw <see cref="Channel{T}"/> consumers measured in
/// the same run. <c>actors.pingpong</c>: two actors bounce <see cref="BallsInFlight"/> balls <see cref="Hops"/> times
/// each, against two tasks doing the same over two channels (messages/s, median of the rounds). <c>actors.hop_p50_us</c>
/// and <c>_p99_us</c>: one request at a time, an <c>Ask</c> through the engine's request chain (supervisor → backoff
/// supervisor → connection → order book, which replies), against a chain of four channel consumers whose last one
/// completes the caller's <see cref="TaskCompletionSource"/> (as Ask does, continuations asynchronous). Unsuffixed
/// names are the engine's configuration (<see cref="DispatcherCandidate.Default"/>); the alternatives carry their name.
/// </summary>
public sealed class ActorsSuite : IBenchSuite
{
    private const int BallsInFlight = 1_000;
    private const int Hops = 2_000;
    private const int ChainLength = 4;
    private const int WarmupRequests = 5_000;
    private const int Requests = 20_000;
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromMinutes(2);

    /// <inheritdoc />
    public string Name => "actors";

    /// <inheritdoc />
    public async IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        const long messages = (long)BallsInFlight * Hops;
        var progress = context.Progress;
        var hocon = string.Join('\n', DispatcherCandidate.All.Select(c => c.Hocon));
        var system = BenchSystem.Create("bench-actors", NullLoggerFactory.Instance, hocon);
        try
        {
            await progress.WriteLineAsync("actors: warm-up (JIT tiers) of both sides on the default dispatcher...");
            for (var i = 0; i < 3; i++)
            {
                await ChannelPingPongAsync();
                await ActorPingPongAsync(system, DispatcherCandidate.Default.Id);
            }

            await ChannelChainAsync();
            await ActorChainAsync(system, DispatcherCandidate.Default.Id);
            foreach (var candidate in DispatcherCandidate.All)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var suffix = candidate == DispatcherCandidate.Default ? string.Empty : "." + candidate.Name;
                await progress.WriteLineAsync($"actors.pingpong{suffix}: raw channels, then actors on {candidate.Id}...");
                var baseline = await Measure.MedianRateAsync(context.Rounds, messages, ChannelPingPongAsync);
                var actors = await Measure.MedianRateAsync(context.Rounds, messages, () => ActorPingPongAsync(system, candidate.Id));
                yield return new BenchResult("actors.pingpong" + suffix, "messages/s", actors, baseline);

                await progress.WriteLineAsync($"actors.hop{suffix}: raw channel chain, then Ask through {ChainLength} actors on {candidate.Id}...");
                var raw = await ChannelChainAsync();
                var hops = await ActorChainAsync(system, candidate.Id);
                foreach (var (name, fraction) in new[] { ("actors.hop_p50_us", 0.50), ("actors.hop_p99_us", 0.99) })
                {
                    var value = Percentile(hops, fraction);
                    var rawValue = Percentile(raw, fraction);
                    await progress.WriteLineAsync($"{name}{suffix}: actors {value:F1} µs, raw {rawValue:F1} µs, difference {value - rawValue:F1} µs");
                    yield return new BenchResult(name + suffix, "us", value, rawValue, LowerIsBetter: true);
                }
            }
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task ActorPingPongAsync(ActorSystem system, string dispatcher)
    {
        using var done = new CountdownEvent(BallsInFlight);
        var props = Props.Create(() => new PingPongActor(done)).WithDispatcher(dispatcher);
        var a = system.ActorOf(props);
        var b = system.ActorOf(props);
        a.Tell(b);
        b.Tell(a);
        for (var i = 0; i < BallsInFlight; i++)
        {
            a.Tell(new Ball(Hops), b);
        }

        await WaitAsync(done);
        system.Stop(a);
        system.Stop(b);
    }

    private static async Task ChannelPingPongAsync()
    {
        using var done = new CountdownEvent(BallsInFlight);
        var options = new UnboundedChannelOptions { SingleReader = true, SingleWriter = false };
        var left = Channel.CreateUnbounded<Ball>(options);
        var right = Channel.CreateUnbounded<Ball>(options);
        var consumers = new[] { Consume(left.Reader, right.Writer, done), Consume(right.Reader, left.Writer, done) };
        for (var i = 0; i < BallsInFlight; i++)
        {
            left.Writer.TryWrite(new Ball(Hops));
        }

        await WaitAsync(done);
        left.Writer.Complete();
        right.Writer.Complete();
        await Task.WhenAll(consumers);

        static Task Consume(ChannelReader<Ball> reader, ChannelWriter<Ball> partner, CountdownEvent done) => Task.Run(async () =>
        {
            while (await reader.WaitToReadAsync())
            {
                while (reader.TryRead(out var ball))
                {
                    if (--ball.Remaining > 0)
                    {
                        partner.TryWrite(ball);
                    }
                    else
                    {
                        done.Signal();
                    }
                }
            }
        });
    }

    /// <summary>Round trips of an Ask through the chain, one at a time, in Stopwatch ticks (after a warm-up).</summary>
    private static async Task<long[]> ActorChainAsync(ActorSystem system, string dispatcher)
    {
        IActorRef? next = null;
        var links = new List<IActorRef>();
        for (var i = 0; i < ChainLength; i++)
        {
            var link = next;
            next = system.ActorOf(Props.Create(() => new HopActor(link)).WithDispatcher(dispatcher));
            links.Add(next);
        }

        var head = next!;
        var request = new object();
        var samples = new long[Requests];
        for (var i = -WarmupRequests; i < Requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await head.Ask<object>(request, RoundTimeout);
            if (i >= 0)
            {
                samples[i] = Stopwatch.GetTimestamp() - started;
            }
        }

        links.ForEach(system.Stop);
        return samples;
    }

    /// <summary>The same chain on raw channels: each stage reads its channel and writes the next; the last completes the request.</summary>
    private static async Task<long[]> ChannelChainAsync()
    {
        var options = new UnboundedChannelOptions { SingleReader = true, SingleWriter = true };
        var channels = Enumerable.Range(0, ChainLength).Select(_ => Channel.CreateUnbounded<TaskCompletionSource>(options)).ToArray();
        var stages = Enumerable.Range(0, ChainLength)
            .Select(i => Stage(channels[i].Reader, i + 1 < ChainLength ? channels[i + 1].Writer : null))
            .ToArray();
        var samples = new long[Requests];
        for (var i = -WarmupRequests; i < Requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            channels[0].Writer.TryWrite(reply);
            await reply.Task.WaitAsync(RoundTimeout);
            if (i >= 0)
            {
                samples[i] = Stopwatch.GetTimestamp() - started;
            }
        }

        channels[0].Writer.Complete();
        await Task.WhenAll(stages);
        return samples;

        static Task Stage(ChannelReader<TaskCompletionSource> reader, ChannelWriter<TaskCompletionSource>? next) => Task.Run(async () =>
        {
            while (await reader.WaitToReadAsync())
            {
                while (reader.TryRead(out var request))
                {
                    if (next is null)
                    {
                        request.TrySetResult();
                    }
                    else
                    {
                        next.TryWrite(request);
                    }
                }
            }

            next?.Complete();
        });
    }

    private static double Percentile(long[] ticks, double fraction)
    {
        var sorted = ticks.Order().ToArray();
        var index = Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1_000_000.0 / Stopwatch.Frequency;
    }

    private static Task WaitAsync(CountdownEvent done) => Task.Run(() =>
    {
        if (!done.Wait(RoundTimeout))
        {
            throw new TimeoutException($"Benchmark round did not finish: {done.CurrentCount} signals missing.");
        }
    });
}
