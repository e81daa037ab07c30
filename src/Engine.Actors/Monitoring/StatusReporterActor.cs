using Engine.Kernel.Actors;
using Engine.Kernel.Persistence;
using Engine.Persistence.Query;
using Engine.Persistence.Serialization;
using Engine.Messages;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Monitoring;

/// <summary>
/// Logs one status line per login every interval; a projection of the order journal plus live events. A thin shell:
/// all logic is in <see cref="StatusBoard"/>.
/// <para>
/// Start-up, when given a journal: it subscribes to every <see cref="IEngineEvent"/> on the event stream first, then
/// reads the journal's order events (<see cref="OrderJournalCatchUp"/>) off the actor thread and pipes the result to
/// itself. Live events arriving meanwhile are buffered. It applies the journaled events, then the buffered ones, then
/// follows the stream. Order books publish an event only after it committed, so every order event is either in the
/// catch-up read or arrives live after the subscription: no gap. An event both journaled and seen live is counted
/// once because the board runs order events through <see cref="Orders.OrderBook"/> (a fill counts once per fill id,
/// a repeated submit or transition changes nothing). If the read fails, it logs a warning and shows only live events. The read is finite and not cancelled; a
/// result arriving after the actor stopped goes to dead letters.
/// </para>
/// <para>
/// <see cref="ConnectionStateChanged"/> is not journaled: connection state is live-only and starts Disconnected.
/// Without a journal the board sees only events published after it started. Answers <see cref="GetStatusLines"/> at
/// any time (during the catch-up, with what it has applied so far).
/// </para>
/// </summary>
public sealed class StatusReporterActor : ReceiveActor
{
    private readonly StatusBoard _board;
    private readonly TimeSpan _interval;
    private readonly IReadJournal? _journal;
    private readonly EventManifestRegistry? _registry;
    private readonly List<IEngineEvent> _buffered = [];

    /// <summary>Created by <see cref="Props(IEnumerable{LoginId}, TimeSpan, IReadJournal?, EventManifestRegistry?)"/> only.</summary>
    public StatusReporterActor(IEnumerable<LoginId> logins, TimeSpan interval, IReadJournal? journal, EventManifestRegistry? registry)
    {
        _board = new StatusBoard(logins);
        _interval = interval;
        _journal = journal;
        _registry = registry;
        if (journal is null)
        {
            Live();
        }
        else
        {
            CatchingUp();
        }
    }

    /// <summary>Props listing <paramref name="logins"/> from the start and reporting every <paramref name="interval"/>; live events only.</summary>
    public static Props Props(IEnumerable<LoginId> logins, TimeSpan interval) => Props(logins, interval, null, null);

    /// <summary>
    /// Props that first catch up from <paramref name="persistence"/>'s journal (deserialized with its registry), then
    /// follow live events.
    /// </summary>
    public static Props Props(IEnumerable<LoginId> logins, TimeSpan interval, PersistenceExtension persistence)
    {
        ArgumentNullException.ThrowIfNull(persistence);
        return Props(logins, interval, persistence.Journal, persistence.Registry);
    }

    /// <summary>
    /// Props that catch up from <paramref name="journal"/> (deserialized with <paramref name="registry"/>) when given,
    /// then follow live events.
    /// </summary>
    /// <exception cref="ArgumentException">Only one of <paramref name="journal"/> and <paramref name="registry"/> is given.</exception>
    public static Props Props(IEnumerable<LoginId> logins, TimeSpan interval, IReadJournal? journal, EventManifestRegistry? registry)
    {
        ArgumentNullException.ThrowIfNull(logins);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        if ((journal is null) != (registry is null))
        {
            throw new ArgumentException("A journal needs its registry and vice versa.", nameof(registry));
        }

        var list = logins.ToList();
        return Kernel.Actors.Props.Create(() => new StatusReporterActor(list, interval, journal, registry));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(IEngineEvent));
        Timers.StartPeriodicTimer(Tick.Instance, Tick.Instance, _interval);
        if (_journal is not null && _registry is not null)
        {
            OrderJournalCatchUp.ReadAsync(_journal, _registry, CancellationToken.None)
                .PipeTo(Self, Self, events => new CaughtUp(events), error => new CatchUpFailed(error));
        }
    }

    /// <inheritdoc />
    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void CatchingUp()
    {
        Receive<IEngineEvent>(_buffered.Add);
        Receive<CaughtUp>(caughtUp =>
        {
            Log.CaughtUp(caughtUp.Events.Count, _buffered.Count);
            ApplyThenGoLive(caughtUp.Events);
        });
        Receive<CatchUpFailed>(failed =>
        {
            Log.CatchUpFailed(failed.Cause);
            ApplyThenGoLive([]);
        });
        Common();
    }

    private void ApplyThenGoLive(IReadOnlyList<IEngineEvent> journaled)
    {
        foreach (var e in journaled.Concat(_buffered))
        {
            _board.Apply(e);
        }

        _buffered.Clear();
        Become(Live);
    }

    private void Live()
    {
        Receive<IEngineEvent>(_board.Apply);
        Common();
    }

    private void Common()
    {
        Receive<Tick>(_ => Report());
        Receive<GetStatusLines>(_ => Sender.Tell(new StatusLines(_board.Render()), Self));
    }

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

    private sealed record CaughtUp(IReadOnlyList<IEngineEvent> Events);

    private sealed record CatchUpFailed(Exception Cause);
}
