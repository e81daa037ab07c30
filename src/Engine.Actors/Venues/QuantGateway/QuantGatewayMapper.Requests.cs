using System.Collections.Immutable;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using W = Engine.Actors.Venues.QuantGateway.QuantGatewayWire;

namespace Engine.Actors.Venues.QuantGateway;

public static partial class QuantGatewayMapper
{
    /// <summary>
    /// The <c>place_order</c> for <paramref name="order"/>, or why the gateway cannot take it: post-only and
    /// FOK do not exist, ftx never answers IOC, huobi market buys are sized in the quote currency, huobi_future
    /// needs an open/close intent and whole contracts, and only the login's symbols get notifications.
    /// MARKET orders send price 0.
    /// </summary>
    public static Mapped<W.PlaceOrderRequest> ToPlaceOrder(SubmitOrder order, QuantGatewayOptions options, string token, string cid)
    {
        var symbol = order.Symbol.ToString();
        if (!options.Symbols.Contains(symbol))
        {
            return Fail<W.PlaceOrderRequest>($"symbol {symbol} is not among the login's symbols [{string.Join(", ", options.Symbols)}]; the gateway sends no notifications for it");
        }

        string orderType;
        switch (order.Type, order.TimeInForce)
        {
            case (OrderType.LimitMaker, _):
                return Fail<W.PlaceOrderRequest>("the quant gateway has no post-only (LimitMaker) order type");
            case (_, TimeInForce.Fok):
                return Fail<W.PlaceOrderRequest>("the quant gateway has no fill-or-kill orders");
            case (OrderType.Market, _) when order.Side == OrderSide.Buy && options.Platform == "huobi":
                // Huobi sizes market buys in the quote currency; the engine's quantities are base amounts.
                return Fail<W.PlaceOrderRequest>("market buys are not sent on huobi: the gateway sizes them in the quote currency; use a limit order");
            case (OrderType.Market, _):
                orderType = "MARKET";
                break;
            case (OrderType.Limit, TimeInForce.Ioc):
                if (options.Platform == "ftx")
                {
                    return Fail<W.PlaceOrderRequest>("IOC orders are not sent on ftx: the gateway never answers them");
                }

                orderType = "IOC";
                break;
            default:
                orderType = "LIMIT";
                break;
        }

        var price = order.Type == OrderType.Market ? 0m : order.Price ?? 0m;
        if (order.Type != OrderType.Market && price <= 0m)
        {
            return Fail<W.PlaceOrderRequest>($"a {orderType} order needs a positive price for {symbol}");
        }

        if (order.Quantity <= 0m)
        {
            return Fail<W.PlaceOrderRequest>($"quantity {order.Quantity} must be positive for {symbol}");
        }

        var quantity = order.Quantity;
        if (options.IsFutures)
        {
            if (order.Offset == OffsetFlag.None)
            {
                return Fail<W.PlaceOrderRequest>($"huobi_future orders must say Open or Close (OffsetFlag) for {symbol}");
            }

            if (quantity != decimal.Truncate(quantity))
            {
                return Fail<W.PlaceOrderRequest>($"quantity {quantity} is not a whole number of contracts for {symbol}");
            }

            quantity = SignedFuturesQuantity(order.Side, order.Offset, quantity);
        }

        return new(new W.PlaceOrderRequest(token, symbol, ToAction(order.Side), price, quantity, orderType) { Cid = cid }, null);
    }

    /// <summary>
    /// The <c>cancel_order</c> for these ids. One id is padded with <see cref="QuantGatewayOptions.CancelPadId"/>
    /// when <see cref="QuantGatewayOptions.PadSingleCancel"/> is on (the real server does not reply to one id);
    /// an empty list (cancel all) is refused on ftx, which never replies to it.
    /// </summary>
    public static Mapped<W.CancelOrderRequest> ToCancelOrder(
        Symbol symbol, ImmutableArray<VenueOrderId> venueOrderIds, QuantGatewayOptions options, string token, string cid)
    {
        if (venueOrderIds.IsDefaultOrEmpty && options.Platform == "ftx")
        {
            return Fail<W.CancelOrderRequest>("cancel-all is not sent on ftx (the gateway never replies); cancel the open orders by id");
        }

        ImmutableArray<string> ids = venueOrderIds.IsDefaultOrEmpty ? [] : [.. venueOrderIds.Select(v => v.Value)];
        if (ids.Length == 1 && options.PadSingleCancel)
        {
            ids = ids.Add(options.CancelPadId);
        }

        return new(new W.CancelOrderRequest(token, symbol.ToString(), ids) { Cid = cid }, null);
    }

    /// <summary>True for a cancel item that answers the padding id, to be ignored.</summary>
    public static bool IsPaddingItem(W.CancelItem item, QuantGatewayOptions options) => item.OrderNo == options.CancelPadId;

    private static Mapped<T> Fail<T>(string error)
        where T : class => new(null, error);
}
