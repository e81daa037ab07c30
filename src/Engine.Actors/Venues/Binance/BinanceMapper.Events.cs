using System.Collections.Immutable;
using Engine.Actors.Orders;
using Engine.Messages.Accounts;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Venues.Binance;

public static partial class BinanceMapper
{
    /// <summary>
    /// The order update of an <c>executionReport</c>, keyed by <c>i</c>: x=NEW → accepted; x=TRADE → a fill with
    /// trade id <c>t</c> as the fill id, <c>l</c>@<c>L</c>, commission <c>n</c>/<c>N</c> and <c>m</c> as the
    /// liquidity (filled when X=FILLED); x=CANCELED → canceled; x=EXPIRED (IOC/MARKET remainder, FOK miss) and
    /// X=EXPIRED_IN_MATCH → expired; x=REJECTED → rejected with <c>r</c>; anything else with a known X → a
    /// status report. Null when nothing reliable can be applied (a TRADE without a trade id, an unknown X).
    /// Timestamp: <c>T</c>. The update names our client order id: <c>C</c> on a cancel (there <c>c</c> is the
    /// cancel's own id), <c>c</c> otherwise, so a report for an order whose place reply was lost still binds.
    /// </summary>
    public static VenueOrderUpdate? ToOrderUpdate(W.ExecutionReport r, LoginId login, DateTimeOffset receivedAt)
    {
        var vid = new VenueOrderId(r.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var at = FromMillis(r.TransactionTime, FromMillis(r.EventTime, receivedAt));
        var remaining = Math.Max(0m, r.Quantity - r.CumulativeQuantity);
        Func<ClientOrderId, IOrderEvent>? bind = r.ExecutionType switch
        {
            "NEW" => cid => new OrderAccepted(login, cid, at, vid, remaining),
            "TRADE" when r.TradeId < 0 => null,
            "TRADE" => FillBinder(login, at, vid, r),
            "CANCELED" => cid => new OrderCanceled(login, cid, at, vid, remaining),
            "EXPIRED" => cid => new OrderExpired(login, cid, at, vid, remaining),
            "REJECTED" => cid => new OrderRejected(login, cid, at, $"Binance rejected order {r.OrderId}: {r.RejectReason}"),
            _ => ToStatus(r.OrderStatus) switch
            {
                OrderStatus.Expired => cid => new OrderExpired(login, cid, at, vid, remaining),
                OrderStatus.Canceled => cid => new OrderCanceled(login, cid, at, vid, remaining),
                { } status and not OrderStatus.PendingCancel => cid => new OrderStatusReported(login, cid, at, vid, status, r.Quantity, remaining),
                _ => null,
            },
        };
        var named = r.OriginalClientOrderId is { Length: > 0 } original ? original : r.ClientOrderId;
        var terms = r.Symbol.Length > 0 && ToSide(r.Side) is { } side && ToOrderType(r.OrderType) is { } type
            ? new ReportTerms(new Symbol(r.Symbol), side, type, type == OrderType.Market ? null : r.Price, r.Quantity)
            : null;
        return bind is null ? null : new VenueOrderUpdate(vid, receivedAt, bind, named.Length > 0 ? new ClientOrderId(named) : null, terms);
    }

    /// <summary>
    /// The updates a FULL <c>order.place</c> result carries besides the id: one fill per <c>fills</c> item (trade id
    /// as fill id, taker: they matched at placement; the last one completes the order when the status is FILLED),
    /// then expired, canceled or rejected when the order ended at once (IOC remainder, FOK miss). The same fills
    /// arrive as <c>executionReport</c>s and are de-duplicated by trade id.
    /// </summary>
    public static ImmutableArray<VenueOrderUpdate> ToPlacementUpdates(W.OrderResult result, LoginId login, DateTimeOffset receivedAt)
    {
        var vid = new VenueOrderId(result.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var at = FromMillis(result.TransactTime, receivedAt);
        var status = ToStatus(result.Status);
        var updates = ImmutableArray.CreateBuilder<VenueOrderUpdate>();
        for (var i = 0; i < result.Fills.Length; i++)
        {
            var f = result.Fills[i];
            var fillId = new FillId(f.TradeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var asset = f.CommissionAsset.Length > 0 ? f.CommissionAsset : null;
            var last = i == result.Fills.Length - 1 && status == OrderStatus.Filled;
            updates.Add(new VenueOrderUpdate(vid, receivedAt, last
                ? cid => new OrderFilled(login, cid, at, vid, fillId, f.Price, f.Qty, f.Commission, asset, Liquidity.Taker)
                : cid => new OrderPartiallyFilled(login, cid, at, vid, fillId, f.Price, f.Qty, f.Commission, asset, Liquidity.Taker)));
        }

        var remaining = result.OrigQty is { } q ? Math.Max(0m, q - (result.ExecutedQty ?? 0m)) : (decimal?)null;
        Func<ClientOrderId, IOrderEvent>? end = status switch
        {
            OrderStatus.Expired => cid => new OrderExpired(login, cid, at, vid, remaining),
            OrderStatus.Canceled => cid => new OrderCanceled(login, cid, at, vid, remaining),
            OrderStatus.Rejected => cid => new OrderRejected(login, cid, at, $"Binance reported order {result.OrderId} as REJECTED"),
            _ => null,
        };
        if (end is not null)
        {
            updates.Add(new VenueOrderUpdate(vid, receivedAt, end));
        }

        return updates.ToImmutable();
    }

    /// <summary>One absolute balance event per asset of <c>outboundAccountPosition</c> (total = free + locked). Timestamp: <c>E</c>.</summary>
    public static ImmutableArray<BalanceChanged> ToBalanceEvents(W.OutboundAccountPosition p, LoginId login, DateTimeOffset receivedAt)
    {
        var at = FromMillis(p.EventTime, receivedAt);
        return [.. p.Balances.Select(b => new BalanceChanged(login, at, new Balance(b.Asset, b.Free, b.Locked, b.Free + b.Locked)))];
    }

    /// <summary>One balance per asset of <c>account.status</c> (total = free + locked).</summary>
    public static ImmutableArray<Balance> ToBalances(W.AccountResult account) =>
        [.. account.Balances.Select(b => new Balance(b.Asset, b.Free, b.Locked, b.Free + b.Locked))];

    private static Func<ClientOrderId, IOrderEvent> FillBinder(LoginId login, DateTimeOffset at, VenueOrderId vid, W.ExecutionReport r)
    {
        var fillId = new FillId(r.TradeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var liquidity = r.IsMaker ? Liquidity.Maker : Liquidity.Taker;
        var asset = r.CommissionAsset is { Length: > 0 } a ? a : null;
        decimal? fee = asset is null && r.Commission == 0m ? null : r.Commission;
        return r.OrderStatus == "FILLED"
            ? cid => new OrderFilled(login, cid, at, vid, fillId, r.LastPrice, r.LastQuantity, fee, asset, liquidity)
            : cid => new OrderPartiallyFilled(login, cid, at, vid, fillId, r.LastPrice, r.LastQuantity, fee, asset, liquidity);
    }
}
