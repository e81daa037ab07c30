using System.Text.Json.Nodes;
using Engine.Simulator.Accounts;
using Engine.Simulator.Faults;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.Binance;

/// <summary>User data stream (§6): subscriptions, and matching events rendered as <c>executionReport</c> and <c>outboundAccountPosition</c>. Called under the lock.</summary>
public sealed partial class BinanceSimulator
{
    private static BinanceOutcome Subscribe(BinanceRequest request, SimAccount account, bool viaLogon)
    {
        var session = request.Session;
        if (session.SubscriptionOf(account.Id) is not null)
        {
            throw new BinanceRequestException(400, -2035, "User Data Stream subscription already active.");
        }

        if (session.NextSubscriptionId >= BinanceSession.MaxSubscriptionIds || session.Subscriptions.Count >= BinanceSession.MaxActiveSubscriptions)
        {
            throw new BinanceRequestException(400, -2042, "Maximum subscription ID reached for this connection.");
        }

        var id = session.NextSubscriptionId++;
        session.Subscriptions[id] = (account, viaLogon);
        return new BinanceOutcome(new JsonObject { ["subscriptionId"] = id });
    }

    private static BinanceOutcome Unsubscribe(BinanceRequest request)
    {
        var session = request.Session;
        var requested = request.Long("subscriptionId");
        var ending = requested is { } one
            ? session.Subscriptions.Keys.Where(k => k == one).ToList()
            : session.Subscriptions.Keys.ToList();
        if (ending.Count == 0)
        {
            throw new BinanceRequestException(400, -2036, "User Data Stream subscription not active.");
        }

        var frames = new List<string>();
        foreach (var id in ending)
        {
            session.Subscriptions.Remove(id);
            frames.Add(Terminated(session, id, request.Now));
        }

        return new BinanceOutcome(new JsonObject(), [], frames);
    }

    private static BinanceOutcome Subscriptions(BinanceRequest request)
    {
        var list = new JsonArray();
        foreach (var id in request.Session.Subscriptions.Keys)
        {
            list.Add(new JsonObject { ["subscriptionId"] = id });
        }

        return new BinanceOutcome(list);
    }

    /// <summary>Sends each push to every subscription of its account, on every connection, in order.</summary>
    private void Deliver(IReadOnlyList<Push> pushes)
    {
        foreach (var push in pushes)
        {
            var copies = 1 + (Faults.TryTake(FaultKind.DuplicateNotification, push.EventType) is not null ? 1 : 0);
            foreach (var session in sockets.All.Where(s => !s.Closing))
            {
                if (session.SubscriptionOf(push.AccountId) is not { } subscriptionId)
                {
                    continue;
                }

                var frame = BinanceJson.Event(subscriptionId, push.Render(session));
                for (var i = 0; i < copies; i++)
                {
                    session.Send(frame);
                }
            }
        }
    }

    /// <summary>
    /// Updates the Binance order records from matching events and returns the pushes they cause (§6.4): NEW,
    /// TRADE, CANCELED or EXPIRED execution reports in event order, then one <c>outboundAccountPosition</c> per
    /// account whose balances changed.
    /// </summary>
    private List<Push> Apply(IReadOnlyList<MatchingEvent> events, DateTimeOffset now)
    {
        var pushes = new List<Push>();
        var dirty = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            switch (e)
            {
                case OrderAccepted a when ordersByEngineId.TryGetValue(a.Order.OrderId, out var order):
                    pushes.Add(Report(order, "NEW", null, now));
                    break;
                case OrderFilled f when ordersByEngineId.TryGetValue(f.Order.OrderId, out var order):
                    order.ExecutedQty = f.Order.Filled;
                    order.CumulativeQuoteQty += f.Fill.Price * f.Fill.Quantity;
                    order.Status = f.Order.Status == SimOrderStatus.Filled || f.Order.Remaining == 0m ? "FILLED" : "PARTIALLY_FILLED";
                    order.UpdateTime = now;
                    pendingFills?.Add(f.Fill);
                    PublishFill(f.Fill, now);
                    pushes.Add(Report(order, "TRADE", f.Fill, now));
                    break;
                case OrderCanceled c when ordersByEngineId.TryGetValue(c.Order.OrderId, out var order):
                    order.UpdateTime = now;
                    if (order.CancelClientOrderId is { } cancelId)
                    {
                        order.OrigClientOrderId = order.ClientOrderId;
                        order.ClientOrderId = cancelId;
                        order.Status = "CANCELED";
                        pushes.Add(Report(order, "CANCELED", null, now));
                    }
                    else
                    {
                        order.Status = "EXPIRED";
                        order.ExpiryReason = order.Type == "MARKET" ? "INSUFFICIENT_LIQUIDITY" : "UNFILLED_IOC_QUANTITY_EXPIRED";
                        pushes.Add(Report(order, "EXPIRED", null, now));
                    }

                    break;
                case BalanceChanged b when !b.Futures:
                    if (!dirty.TryGetValue(b.AccountId, out var assets))
                    {
                        dirty[b.AccountId] = assets = [];
                    }

                    assets.Add(b.Asset);
                    break;
                default:
                    break;
            }
        }

        foreach (var (accountId, assets) in dirty)
        {
            if (engine.Account(accountId) is { } account)
            {
                pushes.Add(AccountPosition(account, assets, now));
            }
        }

        return pushes;
    }

    private Push Report(BinanceOrder order, string executionType, Fill? fill, DateTimeOffset now)
    {
        var snapshot = order.Snapshot();
        var executionId = nextExecutionId++;
        return new Push(order.AccountId, "executionReport", s => BinanceOrderJson.ExecutionReport(snapshot, executionType, fill, s.Time(now), executionId, s.Time));
    }

    private static Push AccountPosition(SimAccount account, IReadOnlyList<string> assets, DateTimeOffset now)
    {
        var balances = assets.Distinct(StringComparer.Ordinal).ToDictionary(a => a, a => account.Spot.Get(a), StringComparer.Ordinal);
        return new Push(account.Id, "outboundAccountPosition", s => BinanceOrderJson.AccountPosition(balances, s.Time(now)));
    }
}
