using System.Buffers;
using Akka.Actor;
using Engine.Actors.Budget;
using Engine.Actors.Orders.Protocol;
using Engine.Actors.Venues;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Connections;

/// <summary>
/// The request path: budget → correlation key → codec → transport; reply matched → mapped → answered.
/// Every dispatched request is answered exactly once: by its mapped reply, as unknown (timeout, socket
/// lost while pending), or as not sent (refused locally, socket lost while queued).
/// </summary>
public sealed partial class ConnectionActor
{
    private void OnSendPlace(SendPlace place)
    {
        if (_state != ConnectionState.Ready)
        {
            Sender.Tell(new PlaceOutcome(place.Order.ClientOrderId, new RequestRefusedReply($"not sent: login {_login} is not ready ({_state})"), null, Now), Self);
            return;
        }

        Dispatch(new PlaceOrderVenueRequest(place.Order), new PlacePurpose(place, Sender));
    }

    private void OnSendCancel(SendCancel cancel)
    {
        if (_state == ConnectionState.Stopped)
        {
            Sender.Tell(new CancelOutcome(cancel, new RequestRefusedReply($"not sent: login {_login} is stopped"), null, Now), Self);
            return;
        }

        if (_state != ConnectionState.Ready)
        {
            Stash.Stash();
            return;
        }

        Dispatch(new CancelOrdersVenueRequest(cancel.Symbol, [.. cancel.Orders.Select(o => o.VenueOrderId)]), new CancelPurpose(cancel, Sender));
    }

    private void OnQuery(object query, VenueRequest request)
    {
        if (_state != ConnectionState.Ready)
        {
            Sender.Tell(new QueryFailed(_login, Now, query.GetType().Name, $"login {_login} is not ready ({_state})", OutcomeUnknown: false), Self);
            return;
        }

        Dispatch(request, new QueryPurpose(query, Sender));
    }

    /// <summary>A request the book built (DBot task calls): sent only while Ready; otherwise refused as not sent.</summary>
    private void OnSendVenueRequest(SendVenueRequest send)
    {
        if (_state != ConnectionState.Ready)
        {
            Sender.Tell(new VenueRequestOutcome(send.Context, new RequestRefusedReply($"not sent: login {_login} is not ready ({_state})"), null, Now), Self);
            return;
        }

        Dispatch(send.Request, new BookPurpose(send.Context, Sender));
    }

    private void OnResolutionNeeded(ResolutionNeeded needed)
    {
        if (_state != ConnectionState.Ready)
        {
            LogResolutionDeferred(_log, _login, string.Join(", ", needed.Symbols));
            return;
        }

        foreach (var query in _behavior.OpenOrdersQueries(needed.Symbols))
        {
            Dispatch(query, new ReconcilePurpose("on resolution request"));
        }

        QueryOrderStatuses(needed);
    }

    private void Dispatch(VenueRequest request, Purpose purpose) => Dispatch(new Outgoing(request, purpose, _generation));

    private void Dispatch(Outgoing outgoing)
    {
        var request = outgoing.Request;
        var weight = _behavior.Codec.WeightOf(request);
        var cost = request.CountsAsOrder ? RateCost.Order(weight) : RateCost.Request(weight);
        _budget.Tell(new RateBudgetActor.Acquire(outgoing, cost, request.Priority), Self);
    }

    private void OnGranted(RateBudgetActor.Granted granted)
    {
        var outgoing = (Outgoing)granted.Request;
        if (outgoing.Generation != _generation || !_socketOpen)
        {
            Answer(outgoing, new RequestRefusedReply("not sent: the connection was lost before it could be sent"), null);
            return;
        }

        if (outgoing.Purpose is PlacePurpose && _state != ConnectionState.Ready)
        {
            Answer(outgoing, new RequestRefusedReply($"not sent: login {_login} is not ready ({_state})"), null);
            return;
        }

        var key = _cids.Next();

        // One buffer for every request this actor encodes: Send copies the frame out before the next one is written.
        var buffer = _requestBuffer;
        buffer.ResetWrittenCount();
        var encoded = _behavior.Codec.Encode(outgoing.Request, key, buffer);
        if (encoded.Value is not { } operation)
        {
            Answer(outgoing, new RequestRefusedReply($"not sent: {encoded.Error}"), null);
            return;
        }

        var order = outgoing.Purpose is PlacePurpose p ? p.Place.Order.ClientOrderId : (ClientOrderId?)null;
        _correlator.Tell(new CorrelatorActor.Register(key, operation, order), Self);
        _inFlight[key] = outgoing;
        Send(buffer.WrittenSpan);
    }

    private void OnMatched(CorrelatorActor.Matched matched)
    {
        if (!_inFlight.Remove(matched.Request.Key, out var outgoing))
        {
            return;
        }

        var reply = _behavior.Codec.MapReply((VenueInbound)matched.Reply, outgoing.Request);
        if (reply is RetryLaterReply retry)
        {
            if (outgoing.Attempt < MaxRetryLater && outgoing.Generation == _generation)
            {
                LogRetryLater(_log, _login, matched.Request.Operation, retry.Reason, outgoing.Attempt + 1);
                Dispatch(outgoing with { Attempt = outgoing.Attempt + 1 });
                return;
            }

            reply = new RequestRefusedReply($"not executed: {retry.Reason} (after {outgoing.Attempt + 1} attempts)");
        }

        Answer(outgoing, reply, null);
    }

    private void OnTimedOut(CorrelatorActor.TimedOut timedOut)
    {
        if (_inFlight.Remove(timedOut.Request.Key, out var outgoing))
        {
            Answer(outgoing, null, $"no reply to {timedOut.Request.Operation} within {timedOut.Request.Deadline - timedOut.Request.SentAt}");
        }
    }

    private void OnAllFailed(CorrelatorActor.AllFailed failed)
    {
        foreach (var request in failed.Requests)
        {
            if (_inFlight.Remove(request.Key, out var outgoing))
            {
                Answer(outgoing, null, $"connection lost while waiting for the {request.Operation} reply: {failed.Reason}");
            }
        }
    }

    private void OnCleared(RateBudgetActor.Cleared cleared)
    {
        foreach (var outgoing in cleared.Requests.OfType<Outgoing>())
        {
            Answer(outgoing, new RequestRefusedReply("not sent: the connection was lost while it was queued"), null);
        }
    }

    /// <summary>Exactly one of <paramref name="reply"/> and <paramref name="unknownReason"/> is set.</summary>
    private void Answer(Outgoing outgoing, VenueReply? reply, string? unknownReason)
    {
        var now = Now;
        switch (outgoing.Purpose)
        {
            case PlacePurpose p:
                p.ReplyTo.Tell(new PlaceOutcome(p.Place.Order.ClientOrderId, reply, unknownReason, now), Self);
                break;
            case CancelPurpose c:
                c.ReplyTo.Tell(new CancelOutcome(c.Cancel, reply, unknownReason, now), Self);
                break;
            case QueryPurpose q:
                q.ReplyTo.Tell(QueryAnswer(q.Query, reply, unknownReason, now), Self);
                break;
            case ReadinessPurpose r:
                OnReadinessAnswered(r, reply, unknownReason);
                break;
            case ReconcilePurpose r:
                OnReconcileAnswered(r, reply, unknownReason);
                break;
            case DrainPurpose d:
                OnDrainAnswered(d, reply, unknownReason);
                break;
            case ResolvePurpose r:
                OnResolveAnswered(r, reply, unknownReason);
                break;
            case BookPurpose b:
                b.ReplyTo.Tell(new VenueRequestOutcome(b.Context, reply, unknownReason, now), Self);
                break;
        }
    }

    private object QueryAnswer(object query, VenueReply? reply, string? unknownReason, DateTimeOffset now) => reply switch
    {
        OpenOrdersListedReply o => new OpenOrdersReply(_login, o.Symbol, now, o.Orders),
        BalancesListedReply b => new BalancesReply(_login, now, b.Balances),
        PositionListedReply p => new PositionReply(_login, now, p.Position),
        SymbolRulesListedReply s => new SymbolInfoReply(_login, now, s.Rules),
        RequestRefusedReply r => new QueryFailed(_login, now, query.GetType().Name, r.Reason, OutcomeUnknown: false),
        _ => new QueryFailed(_login, now, query.GetType().Name, Describe(reply, unknownReason), OutcomeUnknown: true),
    };

    /// <summary>How many times a request answered with <see cref="RetryLaterReply"/> is sent again before it is refused.</summary>
    private const int MaxRetryLater = 3;

    /// <summary>A request on its way: what it asks, what to do with the answer, the socket generation it was made for, and how many times the venue said "later".</summary>
    private sealed record Outgoing(VenueRequest Request, Purpose Purpose, int Generation, int Attempt = 0);

    private abstract record Purpose;

    private sealed record PlacePurpose(SendPlace Place, IActorRef ReplyTo) : Purpose;

    private sealed record CancelPurpose(SendCancel Cancel, IActorRef ReplyTo) : Purpose;

    private sealed record QueryPurpose(object Query, IActorRef ReplyTo) : Purpose;

    private sealed record ReadinessPurpose(int Round) : Purpose;

    private sealed record ReconcilePurpose(string Source) : Purpose;

    private sealed record DrainPurpose(int Phase) : Purpose;

    private sealed record BookPurpose(object Context, IActorRef ReplyTo) : Purpose;
}
