using System.Globalization;
using Akka.Actor;
using Akka.Persistence;

namespace Engine.Persistence.CrashWriter;

/// <summary>
/// Persists <see cref="CrashEvent"/>s one at a time, forever; after each one is acknowledged by the journal (its
/// handler runs) prints <c>"&lt;pid&gt; &lt;seq&gt;"</c> on stdout (auto-flushed) and asks for the next.
/// </summary>
public sealed class CrashWriterActor : ReceivePersistentActor
{
    /// <summary>Starts writing after recovery.</summary>
    public CrashWriterActor(string persistenceId, TextWriter output)
    {
        PersistenceId = persistenceId;
        Recover<CrashEvent>(_ => { });
        Command<Next>(_ => Persist(new CrashEvent(LastSequenceNr + 1), e =>
        {
            output.WriteLine(persistenceId + " " + e.Seq.ToString(CultureInfo.InvariantCulture));
            Self.Tell(Next.Instance);
        }));
    }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    /// <inheritdoc />
    protected override void OnReplaySuccess()
    {
        base.OnReplaySuccess();
        Self.Tell(Next.Instance);
    }

    /// <summary>Persist the next event.</summary>
    public sealed class Next
    {
        /// <summary>The one instance.</summary>
        public static Next Instance { get; } = new();
    }
}
