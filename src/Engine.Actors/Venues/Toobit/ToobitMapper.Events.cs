using System.Collections.Immutable;
using System.Globalization;
using Engine.Actors.Orders;
using Engine.Messages.Accounts;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using W = Engine.Actors.Venues.Toobit.ToobitWire;

namespace Engine.Actors.Venues.Toobit;

public static partial class ToobitMapper
{
    /// <summary>
    /// The order update of an <c>executionReport</c> or <c>contractExecutionReport</c>, keyed by <c>i</c> and naming
    /// our client order id <c>c</c>: a report with a last fill (<c>l</c> &gt; 0) is a fill at <c>L</c> with commission
    /// <c>n</c>/<c>N</c> and <c>m</c> as the liquidity (filled when X=FILLED); the fill id is <c>i:z</c> (order id and
    /// cumulative quantity after the fill), unique per fill and the same when a report is repeated, so duplicates are
    /// dropped by the book. Otherwise X: PENDING_NEW/NEW → accepted; CANCELED → canceled; REJECTED → rejected;
    /// EXPIRED → expired; others → a status report. Null for an unknown X. Timestamp: <c>E</c>.
    /// </summary>
    public static VenueOrderUpdate? ToOrderUpdate(W.ExecutionReport r, LoginId login, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(r);
        var vid = new VenueOrderId(r.OrderId.ToString(CultureInfo.InvariantCulture));
        var at = FromMillis(r.EventTime, receivedAt);
        var remaining = Math.Max(0m, r.Quantity - r.CumulativeQuantity);
        Func<ClientOrderId, IOrderEvent>? bind;
        if (r.LastQuantity > 0m)
        {
            var fillId = new FillId(string.Create(CultureInfo.InvariantCulture, $"{r.OrderId}:{Text(r.CumulativeQuantity)}"));
            var liquidity = r.IsMaker ? Liquidity.Maker : Liquidity.Taker;
            var asset = r.CommissionAsset.Length > 0 ? r.CommissionAsset : null;
            decimal? fee = asset is null && r.Commission == 0m ? null : r.Commission;
            bind = r.Status == "FILLED"
                ? cid => new OrderFilled(login, cid, at, vid, fillId, r.LastPrice, r.LastQuantity, fee, asset, liquidity)
                : cid => new OrderPartiallyFilled(login, cid, at, vid, fillId, r.LastPrice, r.LastQuantity, fee, asset, liquidity);
        }
        else
        {
            bind = r.Status switch
            {
                "PENDING_NEW" or "NEW" => cid => new OrderAccepted(login, cid, at, vid, remaining),
                "CANCELED" or "PARTIALLY_CANCELED" => cid => new OrderCanceled(login, cid, at, vid, remaining),
                "EXPIRED" => cid => new OrderExpired(login, cid, at, vid, remaining),
                "REJECTED" => cid => new OrderRejected(login, cid, at, $"Toobit rejected order {r.OrderId}"),
                _ => ToStatus(r.Status) is { } status and not OrderStatus.PendingCancel
                    ? cid => new OrderStatusReported(login, cid, at, vid, status, r.Quantity, remaining)
                    : null,
            };
        }

        return bind is null ? null : new VenueOrderUpdate(vid, receivedAt, bind, r.ClientOrderId.Length > 0 ? new ClientOrderId(r.ClientOrderId) : null);
    }

    /// <summary>One absolute balance event per asset of <c>outboundAccountInfo</c> (total = free + locked). Timestamp: <c>E</c>.</summary>
    public static ImmutableArray<BalanceChanged> ToBalanceEvents(W.AccountInfo info, LoginId login, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(info);
        var at = FromMillis(info.EventTime, receivedAt);
        return [.. info.Balances.Select(b => new BalanceChanged(login, at, new Balance(b.Asset, b.Free, b.Locked, b.Free + b.Locked)))];
    }
}
