using Engine.Kernel.Actors;
using Engine.Messages;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Status;

/// <summary>
/// Logs one status line per login every interval. Subscribes to every <see cref="IEngineEvent"/> on the event stream
/// from <see cref="PreStart"/> and feeds a <see cref="StatusBoard"/>; events published before it started are not
/// seen. Answers <see cref="GetStatusLines"/> at any time. A thin shell: all logic is in <see cref="StatusBoard"/>.
/// </summary>
public sealed class StatusReporterActor : ReceiveActor
{
    private readonly StatusBoard _board;
    private readonly TimeSpan _interval;

    /// <summary>Created by <see cref="Props"/> only.</summary>
    public StatusReporterActor(IEnumerable<LoginId> logins, TimeSpan interval)
    {
        _board = new StatusBoard(logins);
        _interval = interval;
        Receive<IEngineEvent>(_board.Apply);
        Receive<Tick>(_ => Report());
        Receive<GetStatusLines>(_ => Sender.Tell(new StatusLines(_board.Render()), Self));
    }

    /// <summary>Props listing <paramref name="logins"/> from the start and reporting every <paramref name="interval"/>.</summary>
    public static Props Props(IEnumerable<LoginId> logins, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var list = logins.ToList();
        return Kernel.Actors.Props.Create(() => new StatusReporterActor(list, interval));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(IEngineEvent));
        Timers.StartPeriodicTimer(Tick.Instance, Tick.Instance, _interval);
    }

    /// <inheritdoc />
    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Report()
    {
        foreach (var line in _board.Render())
        {
            Log.StatusLine(line);
        }
    }

    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }
}
