using System.Collections.Immutable;
using Akka.Actor;
using Engine.Actors.Orders;
using Engine.Actors.Orders.Protocol;
using Engine.Actors.Venues;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Connections;

/// <summary>
/// Shutdown, in rounds bounded by the login's drain timeout; while the login is not ready (an outage, a reconnect) a
/// cancelling drain waits for READY, checking every <see cref="RetryPause"/>. A round: cancel every open order of every
/// configured symbol (step 1, when cancelling is configured), re-read the open orders so the book sees the cancels,
/// attributes reports of orders whose reply was lost and resolves what it can (step 2), then read the book once it has
/// journaled what it was sent (step 3). While orders remain working, Submitted, Unknown or PendingCancel and time
/// remains, another round follows after <see cref="RetryPause"/>. A drain without cancelling (a cluster login handed to
/// another node, a stop that keeps the orders working) leaves working orders alone but still waits, within the same
/// timeout, for the replies of what is in flight (placements and cancels; not Unknown orders, whose reply is lost): its
/// rounds only read the book (step 3); whatever is still in flight or unknown at the end is left to the next session's
/// reconciliation, listed in <see cref="Engine.Messages.Orders.SessionEnded"/>. Not ready, it ends at once (its in-flight
/// requests are already unknown). Then the book accounts for its held reports and journals
/// <see cref="Engine.Messages.Orders.SessionEnded"/> with the orders left behind (each logged at error level), and the
/// connection logs out and closes. "working orders cancelled" is logged only when nothing was left behind. The answer
/// (<see cref="Drained"/>, with the leftovers) goes to the drain's sender once, whatever happens. Step 3 matters because
/// the host terminates the actors right after the drain: a report or reconciliation still queued in the book's mailbox
/// then would be lost.
/// </summary>
public sealed partial class ConnectionActor
{
    /// <summary>The pause between two drain rounds, so the venue's cancel reports can arrive.</summary>
    public static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);

    private const string DrainRetryKey = "drain-retry";

    private DrainProgress? _drain;

    private void OnDrain(Drain drain)
    {
        if (_drain is not null)
        {
            return;
        }

        _drain = new DrainProgress(Sender, drain.CancelWorkingOrders);
        LogDraining(_log, _login, drain.CancelWorkingOrders);
        Timers.StartSingleTimer(DrainKey, new DrainTimeout(), _options.DrainTimeout);
        if (_state == ConnectionState.Stopped)
        {
            EndSession("stopped before the drain");
            return;
        }

        if (!drain.CancelWorkingOrders && _state != ConnectionState.Ready)
        {
            EndSession($"drained without cancelling while not ready ({_state})");
            return;
        }

        if (_state != ConnectionState.Ready)
        {
            // Not ready (an outage, a reconnect): wait for READY within the drain timeout, checking every pause.
            Timers.StartSingleTimer(DrainRetryKey, new DrainRetry(), RetryPause);
            return;
        }

        StartRound();
    }

    private void StartRound()
    {
        var drain = _drain!;
        drain.Round++;
        if (drain.CancelWorkingOrders)
        {
            StartDrainStep(1, [.. _behavior.Symbols.Select(s => (VenueRequest)new CancelOrdersVenueRequest(s, []))]);
            return;
        }

        // Without cancelling: only the book is read, each round, until the replies in flight have arrived (a lost one
        // times out into Unknown, left to the next session). Not the open orders: a snapshot taken while a cancel's reply
        // or a fill's notification is still on its way would judge the order vanished.
        StartDrainStep(2, []);
    }

    private void StartDrainStep(int step, IReadOnlyList<VenueRequest> requests)
    {
        var drain = _drain!;
        drain.Phase = (drain.Round * 10) + step;
        drain.Pending = requests.Count;
        if (requests.Count == 0)
        {
            OnDrainPhaseDone();
            return;
        }

        foreach (var request in requests)
        {
            Dispatch(request, new DrainPurpose(drain.Phase));
        }
    }

    private void OnDrainAnswered(DrainPurpose purpose, VenueReply? reply, string? unknownReason)
    {
        if (reply is OpenOrdersListedReply open)
        {
            _orders.Tell(new ReconcileOpenOrders(open.Symbol, open.Orders, Now, "open_orders while draining"), Self);
        }
        else if (reply is not CancelResultsReply)
        {
            LogDrainRequestFailed(_log, _login, Describe(reply, unknownReason));
        }

        if (_drain is { Done: false, Ending: false } drain && drain.Phase == purpose.Phase && --drain.Pending == 0)
        {
            OnDrainPhaseDone();
        }
    }

    private void OnDrainPhaseDone()
    {
        var drain = _drain!;
        if (drain.Phase % 10 == 1)
        {
            StartDrainStep(2, _behavior.OpenOrdersQueries(_behavior.Symbols));
            return;
        }

        // The book handles this actor's messages in order and, while persisting, handles nothing else: its answer
        // comes after every report and reconciliation sent before it is in the journal.
        drain.Phase = (drain.Round * 10) + 3;
        _orders.Tell(GetOrders.Instance, Self);
    }

    private void OnDrainBookSettled(OrdersView view)
    {
        if (_drain is not { Done: false, Ending: false } drain || drain.Phase % 10 != 3)
        {
            return;
        }

        // Without cancelling only replies still on their way are waited for: an Unknown order stays unknown however long
        // the drain waits (its reply is lost); the next session reconciles it.
        var left = view.Orders.Count(o => !o.IsExternal && (drain.CancelWorkingOrders
            ? OrderBookActor.IsLeftBehind(o.Status, cancelRequested: true)
            : o.Status is OrderStatus.Submitted or OrderStatus.PendingSubmit or OrderStatus.PendingCancel));
        if (left == 0)
        {
            EndSession(drain.CancelWorkingOrders ? _behavior.DrainCancelledText : "drained without cancelling");
            return;
        }

        // Orders are still open or unknown: another round (cancels, open orders, resolution) while time remains.
        LogDrainRetry(_log, _login, left, drain.Round);
        drain.Phase = 0;
        Timers.StartSingleTimer(DrainRetryKey, new DrainRetry(), RetryPause);
    }

    private void OnDrainRetry()
    {
        if (_drain is not { Done: false, Ending: false })
        {
            return;
        }

        if (_state == ConnectionState.Ready)
        {
            StartRound();
        }
        else
        {
            // Still not ready: keep waiting for READY until the drain timeout.
            Timers.StartSingleTimer(DrainRetryKey, new DrainRetry(), RetryPause);
        }
    }

    private void OnDrainTimeout()
    {
        if (_drain is { Done: false, Ending: false })
        {
            EndSession(_state == ConnectionState.Ready ? "drain timeout" : $"drain timeout while not ready ({_state})");
        }
    }

    /// <summary>The socket is gone: what the book knows now is journaled as the end of the session.</summary>
    private void OnConnectionLostWhileDraining(string reason)
    {
        if (_drain is { Done: false, Ending: false })
        {
            EndSession($"connection lost while draining: {reason}");
        }
    }

    /// <summary>Asks the book to account for everything and journal the end of the session; finishes on its answer.</summary>
    private void EndSession(string how)
    {
        var drain = _drain!;
        drain.Ending = true;
        drain.How = how;
        Timers.Cancel(DrainRetryKey);
        _orders.Tell(new EndSession(how, drain.CancelWorkingOrders), Self);
    }

    private void OnSessionRecorded(SessionRecorded recorded)
    {
        if (_drain is { Done: false, Ending: true } drain)
        {
            FinishDrain(drain.How, recorded.Leftovers);
        }
    }

    private void FinishDrain(string why, ImmutableArray<string> leftovers)
    {
        if (_drain is not { Done: false } drain)
        {
            return;
        }

        drain.Done = true;
        Timers.Cancel(DrainKey);
        Timers.Cancel(DrainRetryKey);
        Timers.Cancel(ReconnectKey);
        if (_state != ConnectionState.Stopped)
        {
            CloseSession("drained", logout: true);
            Transition(ConnectionState.Stopped, venueText: $"drained: {why}");
            Become(Stopped);
        }

        if (leftovers.IsEmpty)
        {
            LogDrained(_log, _login, why);
        }
        else
        {
            LogDrainedWithLeftovers(_log, _login, why, leftovers.Length, string.Join("; ", leftovers));
        }

        drain.Requester.Tell(new Drained(_login) { Leftovers = leftovers }, Self);
    }

    [LoggerMessage(EventId = 4017, Level = LogLevel.Warning, Message = "Login {Login}: {Count} orders still open or unknown after drain round {Round}; retrying")]
    private static partial void LogDrainRetry(ILogger logger, Engine.Messages.Identifiers.LoginId login, int count, int round);

    [LoggerMessage(EventId = 4018, Level = LogLevel.Error, Message = "Login {Login}: drain ended ({Why}) with {Count} orders left open or unknown: {Leftovers}")]
    private static partial void LogDrainedWithLeftovers(ILogger logger, Engine.Messages.Identifiers.LoginId login, string why, int count, string leftovers);

    private sealed record DrainRetry;

    private sealed class DrainProgress(IActorRef requester, bool cancelWorkingOrders)
    {
        public IActorRef Requester { get; } = requester;

        public bool CancelWorkingOrders { get; } = cancelWorkingOrders;

        public int Round { get; set; }

        public int Phase { get; set; }

        public int Pending { get; set; }

        public bool Ending { get; set; }

        public string How { get; set; } = string.Empty;

        public bool Done { get; set; }
    }
}
