using System.Text.Json.Nodes;
using Engine.Simulator.Faults;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>Replies (with reply faults) and notifications routed from matching events (§6). Called under the lock.</summary>
public sealed partial class QuantGatewaySimulator
{
    private void Reply(QuantSession session, string op, JsonObject reply)
    {
        if (Faults.TryTake(FaultKind.DropReply, op) is not null)
        {
            return;
        }

        var frame = Write(reply);
        if (Faults.TryTake(FaultKind.DelayReply, op) is { } delay)
        {
            session.SendAfter(frame, TimeSpan.FromMilliseconds(delay.DelayMs), time);
            return;
        }

        session.Send(frame);
    }

    private void ReplyAndRoute(QuantSession session, QuantLogin login, string op, JsonObject reply, IReadOnlyList<MatchingEvent> events)
    {
        var notifyFirst = Faults.TryTake(FaultKind.NotifyBeforeReply, op) is not null
            || (op == "place_order" && login.IsFutures && quirks.NotifyBeforeReplyOnFutures)
            || (events.Any(e => e is OrderFilled) && Faults.TryTake(FaultKind.FillsBeforeReply, op) is not null);
        if (notifyFirst)
        {
            Route(events);
            Reply(session, op, reply);
        }
        else
        {
            Reply(session, op, reply);
            Route(events);
        }
    }

    /// <summary>Sends each event to the logins (ready or not) of its account on the platform kind of its symbol; one asset push per login per batch.</summary>
    private void Route(IReadOnlyList<MatchingEvent> events)
    {
        var assetDirty = new List<QuantLogin>();
        foreach (var e in events)
        {
            var (accountId, futures) = e switch
            {
                OrderAccepted a => (a.Order.AccountId, engine.Rules(a.Order.Symbol)!.IsFutures),
                OrderFilled f => (f.Order.AccountId, engine.Rules(f.Order.Symbol)!.IsFutures),
                OrderCanceled c => (c.Order.AccountId, engine.Rules(c.Order.Symbol)!.IsFutures),
                BalanceChanged b => (b.AccountId, b.Futures),
                PositionChanged p => (p.Position.AccountId, true),
                _ => (string.Empty, false),
            };
            foreach (var login in registry.OfAccount(accountId).Where(l => l.IsFutures == futures))
            {
                switch (e)
                {
                    case OrderAccepted a:
                        Push(login, "order", NotificationRenderer.Order(a.Order, futures, true));
                        break;
                    case OrderFilled f when !(f.Order.Status == SimOrderStatus.PartiallyFilled && !futures && quirks.NoPartialFilledOnSpot):
                        Push(login, "order", NotificationRenderer.Order(f.Order, futures, true));
                        Push(login, "fill", NotificationRenderer.Fill(f.Fill, futures));
                        break;
                    case OrderCanceled c:
                        Push(login, "order", NotificationRenderer.Order(c.Order, futures, true));
                        break;
                    case BalanceChanged when !assetDirty.Contains(login):
                        assetDirty.Add(login);
                        break;
                    case PositionChanged p:
                        Push(login, "position", NotificationRenderer.Position(engine.Position(accountId, p.Position.Symbol, market.Mid(p.Position.Symbol) ?? 0m), p.Position.Symbol));
                        break;
                    default:
                        break;
                }
            }
        }

        foreach (var login in assetDirty)
        {
            PushAsset(login);
        }
    }

    private void PushAsset(QuantLogin login)
    {
        var account = login.Account!;
        var data = login.IsFutures
            ? NotificationRenderer.Asset(account.Futures, false, false)
            : NotificationRenderer.Asset(account.Spot, true, quirks.AssetNotifyFreeOnly);
        Push(login, "asset", data);
    }

    private void Push(QuantLogin login, string topic, JsonObject data)
    {
        var frame = Write(QuantFrames.Notify(topic, login.Token, data));
        var copies = 1 + login.Echoes + (Faults.TryTake(FaultKind.DuplicateNotification, topic) is not null ? 1 : 0);
        for (var i = 0; i < copies; i++)
        {
            login.Session.Send(frame);
        }
    }
}
