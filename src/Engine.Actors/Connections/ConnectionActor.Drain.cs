using Akka.Actor;
using Engine.Actors.Venues;
using Engine.Messages.Connectivity;

namespace Engine.Actors.Connections;

/// <summary>
/// Shutdown: optionally cancel every open order of every configured symbol (phase 1), re-read the open
/// orders so the book sees the cancels (phase 2), wait until the book has journaled what it was sent (phase 3),
/// then log out and close; bounded by the login's drain timeout. The answer goes to the drain's sender once,
/// whatever happens. Phase 3 matters because the host terminates the actors right after the drain: a report or
/// reconciliation still queued in the book's mailbox then would be lost, leaving orders the venue has canceled
/// working in the journal.
/// </summary>
public sealed partial class ConnectionActor
{
    private DrainProgress? _drain;

    private void OnDrain(Drain drain)
    {
        if (_drain is not null)
        {
            return;
        }

        _drain = new DrainProgress(Sender);
        if (_state == ConnectionState.Stopped)
        {
            FinishDrain("already stopped");
            return;
        }

        LogDraining(_log, _login, drain.CancelWorkingOrders);
        Timers.StartSingleTimer(DrainKey, new DrainTimeout(), _options.DrainTimeout);
        if (!drain.CancelWorkingOrders || _state != ConnectionState.Ready)
        {
            FinishDrain(drain.CancelWorkingOrders ? $"not ready ({_state}): nothing can be cancelled" : "no cancel requested");
            return;
        }

        StartDrainPhase(1, [.. _behavior.Symbols.Select(s => (VenueRequest)new CancelOrdersVenueRequest(s, []))]);
    }

    private void StartDrainPhase(int phase, IReadOnlyList<VenueRequest> requests)
    {
        _drain!.Phase = phase;
        _drain.Pending = requests.Count;
        if (requests.Count == 0)
        {
            OnDrainPhaseDone();
            return;
        }

        foreach (var request in requests)
        {
            Dispatch(request, new DrainPurpose(phase));
        }
    }

    private void OnDrainAnswered(DrainPurpose purpose, VenueReply? reply, string? unknownReason)
    {
        if (reply is OpenOrdersListedReply open)
        {
            _orders.Tell(new Orders.Protocol.ReconcileOpenOrders(open.Symbol, open.Orders, Now, "open_orders while draining"), Self);
        }
        else if (reply is not CancelResultsReply)
        {
            LogDrainRequestFailed(_log, _login, Describe(reply, unknownReason));
        }

        if (_drain is { Done: false } drain && drain.Phase == purpose.Phase && --drain.Pending == 0)
        {
            OnDrainPhaseDone();
        }
    }

    private void OnDrainPhaseDone()
    {
        if (_drain!.Phase == 1)
        {
            StartDrainPhase(2, _behavior.OpenOrdersQueries(_behavior.Symbols));
            return;
        }

        // The book handles this actor's messages in order and, while persisting, handles nothing else: its answer
        // comes after every report and reconciliation sent before it is in the journal.
        _drain.Phase = 3;
        _orders.Tell(Orders.GetOrders.Instance, Self);
    }

    private void OnDrainBookSettled()
    {
        if (_drain is { Done: false, Phase: 3 })
        {
            FinishDrain("working orders cancelled");
        }
    }

    private void FinishDrain(string why)
    {
        if (_drain is not { Done: false } drain)
        {
            return;
        }

        drain.Done = true;
        Timers.Cancel(DrainKey);
        Timers.Cancel(ReconnectKey);
        if (_state != ConnectionState.Stopped)
        {
            CloseSession("drained", logout: true);
            Transition(ConnectionState.Stopped, venueText: $"drained: {why}");
            Become(Stopped);
        }

        LogDrained(_log, _login, why);
        drain.Requester.Tell(new Drained(_login), Self);
    }

    private sealed class DrainProgress(IActorRef requester)
    {
        public IActorRef Requester { get; } = requester;

        public int Phase { get; set; }

        public int Pending { get; set; }

        public bool Done { get; set; }
    }
}
