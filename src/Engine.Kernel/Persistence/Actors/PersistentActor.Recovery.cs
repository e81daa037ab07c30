using System.Threading.Channels;
using Engine.Kernel.Actors;

namespace Engine.Kernel.Persistence.Actors;

/// <summary>Recovery: snapshot, then events read and deserialized off the actor in chunks, applied on the actor.</summary>
public abstract partial class PersistentActor
{
    private const int ReplayChunk = 1_024;

    private async Task RecoverAsync()
    {
        long replayed = 0;
        using var stop = new CancellationTokenSource();
        try
        {
            var snapshot = await Persistence.SnapshotStore.LoadAsync(PersistenceId, SnapshotCriteria, stop.Token);
            if (snapshot is not null)
            {
                var state = Persistence.Registry.Deserialize(snapshot.Manifest, snapshot.Payload, PersistenceId);
                LastSequenceNr = snapshot.Metadata.SequenceNr;
                recovery.Handle(new SnapshotOffer(snapshot.Metadata, state));
            }

            var chunks = Channel.CreateBounded<List<(long SequenceNr, object Event)>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
            var producer = Task.Run(() => ReadEventsAsync(chunks.Writer, LastSequenceNr + 1, stop.Token), stop.Token);
            try
            {
                await foreach (var chunk in chunks.Reader.ReadAllAsync(stop.Token))
                {
                    foreach (var (sequenceNr, replayedEvent) in chunk)
                    {
                        LastSequenceNr = sequenceNr;
                        recovery.Handle(replayedEvent);
                        replayed++;
                    }
                }
            }
            finally
            {
                await stop.CancelAsync();
                await producer.ContinueWith(static _ => { }, TaskScheduler.Default);
            }

            var highest = await Persistence.Journal.ReadHighestSequenceNrAsync(PersistenceId, LastSequenceNr);
            LastSequenceNr = Math.Max(LastSequenceNr, highest);
            reservedSequenceNr = LastSequenceNr;
            recovered = true;
            recovery.Handle(RecoveryCompleted.Instance);
        }
        catch (Exception ex)
        {
            PersistenceLog.RecoveryFailed(Log, ex, PersistenceId, LastSequenceNr);
            Context.Stop(Self);
            return;
        }

        PersistenceLog.Recovered(Log, PersistenceId, LastSequenceNr, replayed);
        if (pending.Count > 0)
        {
            await FlushAsync();
        }

        Stash.UnstashAll();
    }

    /// <summary>
    /// Runs on the thread pool as two stages, so reading and deserializing overlap: one task reads stored events
    /// into chunks, another deserializes each chunk; any failure completes the output channel with it.
    /// </summary>
    private async Task ReadEventsAsync(ChannelWriter<List<(long SequenceNr, object Event)>> writer, long fromSequenceNr, CancellationToken cancellationToken)
    {
        var raw = Channel.CreateBounded<List<Engine.Persistence.Journal.PersistentRepr>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadStoredAsync(raw.Writer, fromSequenceNr, cancellationToken), cancellationToken);
        try
        {
            await foreach (var chunk in raw.Reader.ReadAllAsync(cancellationToken))
            {
                var events = new List<(long, object)>(chunk.Count);
                foreach (var repr in chunk)
                {
                    events.Add((repr.SequenceNr, Persistence.Registry.Deserialize(repr.Manifest, repr.Payload, PersistenceId)));
                }

                await writer.WriteAsync(events, cancellationToken);
            }

            await reading;
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
        }
    }

    private async Task ReadStoredAsync(ChannelWriter<List<Engine.Persistence.Journal.PersistentRepr>> writer, long fromSequenceNr, CancellationToken cancellationToken)
    {
        try
        {
            var chunk = new List<Engine.Persistence.Journal.PersistentRepr>(ReplayChunk);
            await foreach (var repr in Persistence.Journal.ReplayAsync(PersistenceId, fromSequenceNr, long.MaxValue, long.MaxValue, cancellationToken))
            {
                chunk.Add(repr);
                if (chunk.Count == ReplayChunk)
                {
                    await writer.WriteAsync(chunk, cancellationToken);
                    chunk = new List<Engine.Persistence.Journal.PersistentRepr>(ReplayChunk);
                }
            }

            if (chunk.Count > 0)
            {
                await writer.WriteAsync(chunk, cancellationToken);
            }

            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
        }
    }
}
