using System.Collections.Immutable;
using Akka.Actor;
using Engine.Actors.Orders.Protocol;
using Engine.Actors.Venues;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// Batches (<see cref="SubmitOrders"/>): every order is checked and journaled as a single submission would be (an order
/// refused locally is rejected on its own and left out); once every accepted order's <see cref="OrderSubmitted"/> is
/// durable, they leave together as one <see cref="PlaceOrdersVenueRequest"/>; the answer is split into one
/// <see cref="PlaceOutcome"/> per order, so each is accepted, rejected, or unknown and resolved by a query.
/// </summary>
public sealed partial class OrderBookActor
{
    private void OnSubmitBatch(SubmitOrders batch)
    {
        var accepted = new List<SubmitOrder>();
        foreach (var command in batch.Orders.IsDefault ? [] : batch.Orders)
        {
            if (command.Login != _login || command.Login != batch.Login)
            {
                RejectUnjournaled(command, $"order {command.ClientOrderId} is for login {command.Login} but this order book belongs to login {_login}");
                continue;
            }

            if (_book.Find(command.ClientOrderId) is { } existing)
            {
                RejectUnjournaled(command, $"client order id {command.ClientOrderId} is already used by an order of login {_login} (now {existing.Status})");
                continue;
            }

            if (RefusalOf(command) is { } reason)
            {
                RejectJournaled(command, reason);
                continue;
            }

            if (_risk.Check(command, Now) is { } breach)
            {
                RejectJournaled(command, $"risk rule {breach.Rule} ({breach.Scope}): {breach.Detail}", breach);
                continue;
            }

            // Applied now: the next order of the batch is checked against a book that holds this one.
            Record(OrderSubmitted.From(command), new LinkedList<IOrderEvent>(), null);
            accepted.Add(command);
        }

        if (accepted.Count == 0)
        {
            return;
        }

        var orders = accepted.ToImmutableArray();
        AfterCommit(orders, o => Context.Parent.Tell(new SendVenueRequest(new PlaceOrdersVenueRequest(o), new PlaceBatch(o)), Self));
    }

    /// <summary>One <see cref="PlaceOutcome"/> per order: its item of a <see cref="BatchPlacedReply"/>, else the batch's own answer (refused, unreadable or unknown) for every order.</summary>
    private void OnBatchOutcome(PlaceBatch batch, VenueRequestOutcome outcome)
    {
        for (var i = 0; i < batch.Orders.Length; i++)
        {
            var reply = outcome.Reply switch
            {
                BatchPlacedReply { Items: var items } when i < items.Length => items[i],
                BatchPlacedReply => new UnreadableReply($"the batch answer has no item for order {i + 1} of {batch.Orders.Length}"),
                var whole => whole,
            };
            OnPlaceOutcome(new PlaceOutcome(batch.Orders[i].ClientOrderId, reply, outcome.UnknownReason, outcome.At));
        }
    }

    private void OnVenueRequestOutcome(VenueRequestOutcome outcome)
    {
        if (outcome.Context is PlaceBatch batch)
        {
            OnBatchOutcome(batch, outcome);
        }
    }

    /// <summary>The context of a batch's <see cref="SendVenueRequest"/>: its orders, in the request's order.</summary>
    private sealed record PlaceBatch(ImmutableArray<SubmitOrder> Orders);
}
