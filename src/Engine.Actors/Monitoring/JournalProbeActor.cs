using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Akka.Actor;
using Akka.Persistence;
using Engine.Actors.Runtime;

namespace Engine.Actors.Monitoring;

/// <summary>
/// Proves the journal writable by writing to it: on <see cref="ProbeJournal"/> it writes one small event (bytes) under
/// its own persistence id <see cref="PersistenceId"/> through the journal plugin's own protocol, answers
/// <see cref="JournalProbed"/> once the write committed (or failed, was rejected, or did not answer within the
/// deadline), then deletes the probe events up to it so the stream stays empty. The probe stream is untagged, so the
/// audit and the catch-ups, which read by tag, never see it. One probe runs at a time: questions that arrive meanwhile
/// share its answer. The highest sequence number is read from the journal before the first probe and after any
/// failure, so sequence numbers never collide, whichever process wrote the stream before. Replies of an abandoned
/// probe (timed out) are told apart by the write's instance id and ignored. Threading: an actor.
/// </summary>
public sealed class JournalProbeActor : ReceiveActor, IWithTimers
{
    /// <summary>The persistence id of the probe events.</summary>
    public const string PersistenceId = "health/journal-probe";

    private const string DeadlineKey = "deadline";

    private readonly string? _journalPluginId;
    private readonly TimeSpan _deadline;
    private readonly TimeProvider _time;
    private readonly string _writerGuid = Guid.NewGuid().ToString("N");
    private readonly List<IActorRef> _waiting = [];
    private IActorRef? _journal;
    private long? _highest;
    private int _attempt;

    /// <summary>Created by <see cref="Props"/> only.</summary>
    public JournalProbeActor(string? journalPluginId, TimeSpan deadline)
    {
        _journalPluginId = journalPluginId;
        _deadline = deadline;
        _time = Context.Engine().Time;
        Idle();
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of the probe of the journal at <paramref name="journalPluginId"/> (null: the default journal).</summary>
    public static Props Props(string? journalPluginId = null, TimeSpan? deadline = null)
    {
        var within = deadline ?? TimeSpan.FromSeconds(5);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(within, TimeSpan.Zero);
        return Akka.Actor.Props.Create(() => new JournalProbeActor(journalPluginId, within));
    }

    private IActorRef Journal => _journal ?? throw new InvalidOperationException("The journal is resolved when the probe starts.");

    /// <inheritdoc />
    protected override void PreStart() =>
        _journal = Akka.Persistence.Persistence.Instance.Apply(Context.System).JournalFor(string.IsNullOrEmpty(_journalPluginId) ? null : _journalPluginId);

    private void Idle()
    {
        Receive<ProbeJournal>(_ =>
        {
            _waiting.Add(Sender);
            Start();
        });
        IgnoreLateReplies();
    }

    private void Probing()
    {
        Receive<ProbeJournal>(_ => _waiting.Add(Sender));
        Receive<RecoverySuccess>(r =>
        {
            _highest = r.HighestSequenceNr;
            Write();
        });
        Receive<ReplayMessagesFailure>(f => Done($"the journal could not be read: {f.Cause.Message}"));
        Receive<WriteMessageSuccess>(s => s.ActorInstanceId == _attempt, s =>
        {
            var written = s.Persistent.SequenceNr;
            _highest = written;
            Journal.Tell(new DeleteMessagesTo(PersistenceId, written, Self), Self);
            Done(null);
        });
        Receive<WriteMessageFailure>(f => f.ActorInstanceId == _attempt, f => Done($"the journal failed the write: {f.Cause.Message}"));
        Receive<WriteMessageRejected>(r => r.ActorInstanceId == _attempt, r => Done($"the journal rejected the write: {r.Cause.Message}"));
        Receive<Deadline>(d => d.Attempt == _attempt, _ => Done($"the journal did not confirm the write within {_deadline}"));
        IgnoreLateReplies();
    }

    private void IgnoreLateReplies()
    {
        Receive<ReplayedMessage>(_ => { });
        Receive<RecoverySuccess>(_ => { });
        Receive<ReplayMessagesFailure>(_ => { });
        Receive<WriteMessagesSuccessful>(_ => { });
        Receive<WriteMessagesFailed>(_ => { });
        Receive<WriteMessageSuccess>(_ => { });
        Receive<WriteMessageFailure>(_ => { });
        Receive<WriteMessageRejected>(_ => { });
        Receive<DeleteMessagesSuccess>(_ => { });
        Receive<DeleteMessagesFailure>(_ => { });
        Receive<Deadline>(_ => { });
    }

    private void Start()
    {
        _attempt++;
        Become(Probing);
        Timers.StartSingleTimer(DeadlineKey, new Deadline(_attempt), _deadline);
        if (_highest is null)
        {
            Journal.Tell(new ReplayMessages(1, 0, 0, PersistenceId, Self), Self);
        }
        else
        {
            Write();
        }
    }

    private void Write()
    {
        var sequenceNr = (_highest ?? 0) + 1;
        var payload = Encoding.UTF8.GetBytes("journal probe " + _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        var persistent = new Persistent(payload, sequenceNr, PersistenceId, string.Empty, false, ActorRefs.NoSender, _writerGuid);
        Journal.Tell(new WriteMessages([new AtomicWrite(ImmutableList.Create<IPersistentRepresentation>(persistent))], Self, _attempt), Self);
    }

    private void Done(string? problem)
    {
        Timers.Cancel(DeadlineKey);
        if (problem is not null)
        {
            _highest = null;
        }

        var answer = new JournalProbed(problem is null, problem);
        foreach (var waiting in _waiting)
        {
            waiting.Tell(answer, Self);
        }

        _waiting.Clear();
        Become(Idle);
    }

    /// <summary>Timer message: the probe <see cref="Attempt"/> has not been confirmed in time.</summary>
    private sealed record Deadline(int Attempt);
}
