using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Engine.Messages;
using Engine.Messages.Orders;

namespace Engine.Actors.Risk;

/// <summary>
/// Rebuilding the ledger from the order journal at start: the journaled events stream in by batches (each acknowledged
/// before the next, so the mailbox holds one batch at most); live order events are buffered; everything else waits in
/// the stash until the read ended, well or not.
/// </summary>
public sealed partial class RiskActor
{
    /// <summary>Journaled events handed to the actor per message during the catch-up.</summary>
    private const int CatchUpBatchSize = 256;

    private readonly List<IOrderEvent> _buffered = [];
    private int _journaledCount;

    private void StartCatchUp(Func<Akka.Actor.ActorSystem, Source<IEngineEvent, NotUsed>> journaled)
    {
        try
        {
            journaled(Context.System)
                .Grouped(CatchUpBatchSize)
                .RunWith(
                    Sink.ActorRefWithAck<IEnumerable<IEngineEvent>>(Self, CatchUpStarted.Instance, CatchUpAck.Instance, CatchUpCompleted.Instance, error => new CatchUpFailed(error)),
                    Context.Materializer());
        }
        catch (Exception ex)
        {
            // The read journal could not be created (missing or broken plugin configuration): the same as a failed read.
            Self.Tell(new CatchUpFailed(ex), Self);
        }
    }

    private void CatchingUp()
    {
        Command<IOrderEvent>(_buffered.Add);
        Command<CatchUpStarted>(_ => Sender.Tell(CatchUpAck.Instance, Self));
        Command<IEnumerable<IEngineEvent>>(batch =>
        {
            foreach (var orderEvent in batch.OfType<IOrderEvent>())
            {
                // Replayed at its own time: the UTC day it belongs to is the day it happened, and the marks are the fills'.
                _ledger.Observe(orderEvent, orderEvent.Timestamp, (login, symbol) => _ledger.LastFill(login, symbol));
                _journaledCount++;
            }

            Sender.Tell(CatchUpAck.Instance, Self);
        });
        Command<CatchUpCompleted>(_ =>
        {
            LogCaughtUp(_log, _journaledCount, _buffered.Count);
            GoLive();
        });
        Command<CatchUpFailed>(failed =>
        {
            LogCatchUpFailed(_log, failed.Cause, _journaledCount);
            GoLive();
        });
        CommandAny(_ => Stash.Stash());
    }

    /// <summary>Applies the live events buffered during the read, checks the daily loss once, then serves everything.</summary>
    private void GoLive()
    {
        Become(Live);
        foreach (var orderEvent in _buffered)
        {
            OnOrderEvent(orderEvent);
        }

        _buffered.Clear();
        CheckDailyLoss();
        Stash.UnstashAll();
    }

    private sealed record CatchUpStarted
    {
        public static CatchUpStarted Instance { get; } = new();
    }

    private sealed record CatchUpAck
    {
        public static CatchUpAck Instance { get; } = new();
    }

    private sealed record CatchUpCompleted
    {
        public static CatchUpCompleted Instance { get; } = new();
    }

    private sealed record CatchUpFailed(Exception Cause);
}
