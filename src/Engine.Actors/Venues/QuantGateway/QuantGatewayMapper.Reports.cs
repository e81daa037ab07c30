using System.Collections.Immutable;
using Engine.Actors.Orders;
using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Markets;
using Engine.Messages.Orders;
using W = Engine.Actors.Venues.QuantGateway.QuantGatewayWire;

namespace Engine.Actors.Venues.QuantGateway;

public static partial class QuantGatewayMapper
{
    /// <summary>The state code that means READY.</summary>
    public const int ReadyCode = 6;

    /// <summary>The state code that is fatal for the token (bad platform, symbols or keys).</summary>
    public const int FatalCode = 1;

    /// <summary>
    /// The order update of an <c>order</c> notification, keyed by <c>order_no</c>: SUBMITTED → accepted,
    /// PARTIAL-FILLED/FILLED → status report (fills arrive separately), CANCELED → canceled, FAILED →
    /// rejected. Null for NONE and unknown statuses (nothing reliable to apply). Timestamp: <c>utime</c>.
    /// </summary>
    public static VenueOrderUpdate? ToOrderUpdate(W.OrderNotification notification, LoginId login, DateTimeOffset receivedAt)
    {
        var d = notification.Data;
        if (ToStatus(d.Status) is not { } status || string.IsNullOrWhiteSpace(d.OrderNo))
        {
            return null;
        }

        var vid = new VenueOrderId(d.OrderNo);
        var at = FromMillis(d.Utime ?? d.Ctime, receivedAt);
        Func<ClientOrderId, IOrderEvent> bind = status switch
        {
            OrderStatus.Accepted => cid => new OrderAccepted(login, cid, at, vid, d.Remain),
            OrderStatus.Canceled => cid => new OrderCanceled(login, cid, at, vid, d.Remain),
            OrderStatus.Rejected => cid => new OrderRejected(login, cid, at, $"the venue reported order {d.OrderNo} as FAILED"),
            _ => cid => new OrderStatusReported(login, cid, at, vid, status, d.Quantity, d.Remain),
        };
        return new VenueOrderUpdate(vid, receivedAt, bind, Terms: ToTerms(d));
    }

    /// <summary>
    /// The order's own terms as an <c>order</c> notification states them (symbol, side, type, price, quantity), for
    /// attribution of a report whose <c>order_no</c> no reply revealed; null when the symbol, action or type is missing
    /// or unknown.
    /// </summary>
    public static ReportTerms? ToTerms(W.OrderData d)
    {
        if (d.Symbol is not { Length: > 0 } symbol || ToSide(d.Action) is not { } side || ToOrderType(d.OrderType) is not { } type)
        {
            return null;
        }

        return new ReportTerms(new Symbol(symbol), side, type.Type, type.Type == OrderType.Market ? null : d.Price, d.Quantity);
    }

    /// <summary>
    /// The fill of a <c>fill</c> notification, keyed by <c>order_no</c>, de-duplicated later by <c>fill_no</c>.
    /// The gateway sends no fee, so fee and fee asset are null. Null when an id is missing.
    /// </summary>
    public static VenueOrderUpdate? ToFillUpdate(W.FillNotification notification, LoginId login, DateTimeOffset receivedAt)
    {
        var d = notification.Data;
        if (string.IsNullOrWhiteSpace(d.OrderNo) || string.IsNullOrWhiteSpace(d.FillNo))
        {
            return null;
        }

        var vid = new VenueOrderId(d.OrderNo);
        var fillId = new FillId(d.FillNo);
        var at = FromMillis(d.Ctime, receivedAt);
        var liquidity = ToLiquidity(d.Liquidity);
        var terms = d.Symbol is { Length: > 0 } symbol && ToSide(d.Side) is { } side
            ? new ReportTerms(new Symbol(symbol), side, null, null, null)
            : null;
        return new VenueOrderUpdate(
            vid, receivedAt, cid => new OrderPartiallyFilled(login, cid, at, vid, fillId, d.Price, d.Quantity, null, null, liquidity), Terms: terms);
    }

    /// <summary>One balance; with <paramref name="freeOnly"/> (huobi notifications) locked and total are unknown.</summary>
    public static Balance ToBalance(W.AssetData asset, bool freeOnly) =>
        new(asset.Currency, asset.Free ?? 0m, freeOnly ? null : asset.Locked, freeOnly ? null : asset.Total);

    /// <summary>A balance event per currency of an asset reply or notification.</summary>
    public static ImmutableArray<BalanceChanged> ToBalanceEvents(
        ImmutableArray<W.AssetData> assets, LoginId login, DateTimeOffset at, bool freeOnly, bool isReconciliation)
    {
        var events = ImmutableArray.CreateBuilder<BalanceChanged>(assets.Length);
        foreach (var asset in assets)
        {
            events.Add(new BalanceChanged(login, at, ToBalance(asset, freeOnly), isReconciliation));
        }

        return events.MoveToImmutable();
    }

    /// <summary>
    /// A position snapshot; the notification's own symbol wins over <paramref name="symbol"/> (replies carry none).
    /// Leverage is the larger leg's, or null when flat.
    /// </summary>
    public static PositionSnapshot ToPosition(W.PositionData p, Symbol symbol)
    {
        var leverage = Math.Max(p.LongLeverage, p.ShortLeverage);
        return new PositionSnapshot(
            p.Symbol is { Length: > 0 } own ? new Symbol(own) : symbol,
            p.LongQuantity,
            p.LongAvailQty,
            p.LongOpenPrice,
            p.ShortQuantity,
            p.ShortAvailQty,
            p.ShortOpenPrice,
            p.LongUnrealisedPnl + p.ShortUnrealisedPnl,
            leverage > 0m ? leverage : null);
    }

    /// <summary>
    /// An open_orders item; null when its action or type is unknown. A listed order is working, so a status
    /// without a mapping (NONE) becomes Accepted, or PartiallyFilled when part of it is filled.
    /// </summary>
    public static OpenOrder? ToOpenOrder(W.OrderData o, DateTimeOffset receivedAt)
    {
        if (ToSide(o.Action) is not { } side || ToOrderType(o.OrderType) is not { } type || string.IsNullOrWhiteSpace(o.OrderNo))
        {
            return null;
        }

        var status = ToStatus(o.Status) ?? (o.Remain < o.Quantity ? OrderStatus.PartiallyFilled : OrderStatus.Accepted);

        return new OpenOrder(
            new VenueOrderId(o.OrderNo), null, side, type.Type, type.TimeInForce, o.Price, o.Quantity, o.Remain, status,
            o.Ctime is null ? null : FromMillis(o.Ctime, receivedAt), o.Utime is null ? null : FromMillis(o.Utime, receivedAt));
    }

    /// <summary>
    /// Trading rules from symbol_info: <c>size_limit</c> is the minimum quantity and <c>value_limit</c> the
    /// minimum notional; null ticks mean "no tick".
    /// </summary>
    public static SymbolRules ToSymbolRules(Symbol symbol, W.SymbolInfoData d) => new(
        symbol,
        d.PriceTick ?? 0m,
        d.SizeTick ?? 0m,
        MinQuantity: d.SizeLimit,
        MinNotional: d.ValueLimit,
        BaseAsset: d.BaseCurrency,
        QuoteAsset: d.QuoteCurrency,
        SettlementAsset: d.SettlementCurrency);

    /// <summary>
    /// The engine state of a login state code: 6 → Ready, 1 → Stopped (fatal: a configuration error, do not
    /// retry), 2 → Authenticating (exchange connected, not ready yet), 3/4/5/7 and unknown codes → Reconnecting.
    /// </summary>
    public static ConnectionStateChanged ToConnectionState(W.State state, LoginId login, DateTimeOffset at)
    {
        var engineState = state.Code switch
        {
            ReadyCode => ConnectionState.Ready,
            FatalCode => ConnectionState.Stopped,
            2 => ConnectionState.Authenticating,
            _ => ConnectionState.Reconnecting,
        };
        return new ConnectionStateChanged(login, at, engineState, state.Code, state.Msg, IsFatal: state.Code == FatalCode);
    }
}
