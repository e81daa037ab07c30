using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Engine.Kernel.Actors;

namespace Engine.Bench.Kernel;

/// <summary>
/// Kernel cases: ping-pong between two actors against the same pattern on two raw <see cref="Channel{T}"/> consumers,
/// event-stream fan-out, and the memory of an idle actor.
/// </summary>
public sealed class KernelSuite : IBenchSuite
{
    private const int BallsInFlight = 1_000;
    private const int Hops = 3_000;
    private const int FanoutSubscribers = 10;
    private const int FanoutEvents = 100_000;
    private const int IdleActors = 100_000;

    public string Name => "kernel";

    public async IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        const long messages = (long)BallsInFlight * Hops;
        context.Progress.WriteLine("kernel.pingpong: raw channels...");
        var baseline = await Measure.MedianRateAsync(context.Rounds, messages, ChannelPingPongAsync);
        context.Progress.WriteLine("kernel.pingpong: actors...");
        var system = ActorSystem.Create("bench");
        try
        {
            var actors = await Measure.MedianRateAsync(context.Rounds, messages, () => ActorPingPongAsync(system));
            yield return new BenchResult("kernel.pingpong", "messages/s", actors, baseline);

            context.Progress.WriteLine("kernel.fanout...");
            var fanout = await Measure.MedianRateAsync(context.Rounds, (long)FanoutEvents * FanoutSubscribers, () => FanoutAsync(system));
            yield return new BenchResult("kernel.fanout", "deliveries/s", fanout);
        }
        finally
        {
            await system.Terminate();
        }

        cancellationToken.ThrowIfCancellationRequested();
        context.Progress.WriteLine("kernel.idle_actor_bytes...");
        yield return new BenchResult("kernel.idle_actor_bytes", "bytes", await IdleActorBytesAsync());
    }

    private static async Task ActorPingPongAsync(ActorSystem system)
    {
        using var done = new CountdownEvent(BallsInFlight);
        var a = system.ActorOf(Props.Create(() => new PingPongActor(done)));
        var b = system.ActorOf(Props.Create(() => new PingPongActor(done)));
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

    private static async Task FanoutAsync(ActorSystem system)
    {
        using var done = new CountdownEvent(FanoutEvents * FanoutSubscribers);
        var subscribers = Enumerable.Range(0, FanoutSubscribers)
            .Select(_ => system.ActorOf(Props.Create(() => new CountingActor(done))))
            .ToList();
        foreach (var subscriber in subscribers)
        {
            system.EventStream.Subscribe(subscriber, typeof(FanoutEvent));
        }

        var message = new FanoutEvent();
        for (var i = 0; i < FanoutEvents; i++)
        {
            system.EventStream.Publish(message);
        }

        await WaitAsync(done);
        foreach (var subscriber in subscribers)
        {
            system.EventStream.Unsubscribe(subscriber);
            system.Stop(subscriber);
        }
    }

    private static async Task<double> IdleActorBytesAsync()
    {
        var system = ActorSystem.Create("idle");
        var refs = new IActorRef[IdleActors];
        using var started = new CountdownEvent(IdleActors);
        var props = Props.Create(() => new IdleActor(started));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < IdleActors; i++)
        {
            refs[i] = system.ActorOf(props, "a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await WaitAsync(started);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(refs);
        await system.Terminate();
        return (after - before) / (double)IdleActors;
    }

    private static Task WaitAsync(CountdownEvent done) => Task.Run(() =>
    {
        if (!done.Wait(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException($"Benchmark round did not finish: {done.CurrentCount} signals missing.");
        }
    });

    private sealed class FanoutEvent;
}
