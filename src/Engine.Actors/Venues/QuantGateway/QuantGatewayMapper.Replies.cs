using System.Collections.Immutable;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using W = Engine.Actors.Venues.QuantGateway.QuantGatewayWire;

namespace Engine.Actors.Venues.QuantGateway;

public static partial class QuantGatewayMapper
{
    /// <summary>
    /// The venue-neutral answer of <paramref name="reply"/> to <paramref name="request"/>. <c>result:false</c>
    /// is a refusal with the venue's text verbatim; a success without its payload is unreadable (outcome
    /// unknown). Cancel items answering the padding id are dropped; failures without an id are unattributed.
    /// </summary>
    public static VenueReply ToReply(W.Reply reply, VenueRequest request, QuantGatewayOptions options)
    {
        if (!reply.Result)
        {
            return new RequestRefusedReply(reply.ErrorMessage.Length > 0 ? reply.ErrorMessage : $"{reply.Op} failed without a message");
        }

        return request switch
        {
            PlaceOrderVenueRequest => reply.OrderNo is { Length: > 0 } no
                ? new OrderPlacedReply(new VenueOrderId(no))
                : new UnreadableReply("place_order succeeded without an order_no"),
            CancelOrdersVenueRequest cancel => ToCancelResults(reply.CancelItems ?? [], cancel, options),
            OpenOrdersVenueRequest open => reply.Orders is { } orders
                ? new OpenOrdersListedReply(open.Symbol, [.. orders.Select(o => ToOpenOrder(o, reply.ReceivedAt)).OfType<OpenOrder>()])
                : new UnreadableReply("open_orders succeeded without data"),
            BalancesVenueRequest => reply.Assets is { } assets
                ? new BalancesListedReply([.. assets.Select(a => ToBalance(a, freeOnly: false))])
                : new UnreadableReply("asset succeeded without data"),
            PositionVenueRequest position => reply.Position is { } p
                ? new PositionListedReply(ToPosition(p, position.Symbol))
                : new UnreadableReply("position succeeded without data"),
            SymbolInfoVenueRequest info => reply.SymbolInfo is { } d
                ? new SymbolRulesListedReply(ToSymbolRules(info.Symbol, d))
                : new UnreadableReply("symbol_info succeeded without data"),
            _ => new UnreadableReply($"no mapping of a {reply.Op} reply to {request.GetType().Name}"),
        };
    }

    private static CancelResultsReply ToCancelResults(ImmutableArray<W.CancelItem> items, CancelOrdersVenueRequest request, QuantGatewayOptions options)
    {
        var padded = request.VenueOrderIds.Length == 1 && options.PadSingleCancel;
        var padAnswered = items.Any(i => IsPaddingItem(i, options));
        var results = ImmutableArray.CreateBuilder<CancelResult>();
        var unattributed = ImmutableArray.CreateBuilder<string>();
        var anonymousPadFailureSkipped = false;
        foreach (var item in items)
        {
            if (IsPaddingItem(item, options))
            {
                continue;
            }

            if (item.OrderNo.Length == 0)
            {
                // Huobi names no id in failure items; one of them may be the padding id's failure.
                if (padded && !padAnswered && !item.Result && !anonymousPadFailureSkipped)
                {
                    anonymousPadFailureSkipped = true;
                    continue;
                }

                unattributed.Add(item.ErrorMessage);
                continue;
            }

            results.Add(new CancelResult(new VenueOrderId(item.OrderNo), item.Result, item.ErrorMessage));
        }

        return new CancelResultsReply(results.ToImmutable(), unattributed.ToImmutable());
    }
}
