using Engine.Simulator.Faults;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>Replies (with reply faults) and notifications routed from matching events (§6). Called under the lock.</summary>
public sealed partial class QuantGatewaySimulator
{
    private void Reply(QuantSession session, string op, byte[] frame)
    {
        if (Faults.TryTake(FaultKind.DropReply, op) is not null)
        {
            return;
        }

        if (Faults.TryTake(FaultKind.DelayReply, op) is { } delay)
        {
            session.SendAfter(frame, TimeSpan.FromMilliseconds(delay.DelayMs), time);
            return;
        }

        session.Send(frame);
    }

    private void ReplyAndRoute(QuantSession session, QuantLogin login, string op, byte[] reply, IReadOnlyList<MatchingEvent> events)
    {
        var notifyFirst = Faults.TryTake(FaultKind.NotifyBeforeReply, op) is not null
            || (op == "place_order" && login.IsFutures && quirks.NotifyBeforeReplyOnFutures)
            || (HasFill(events) && Faults.TryTake(FaultKind.FillsBeforeReply, op) is not null);
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
        var assetDirty = routeAssetDirty;
        assetDirty.Clear();
        for (var n = 0; n < events.Count; n++)
        {
            var e = events[n];
            var (accountId, futures) = e switch
            {
                OrderAccepted a => (a.Order.AccountId, engine.Rules(a.Order.Symbol)!.IsFutures),
                OrderFilled f => (f.Order.AccountId, engine.Rules(f.Order.Symbol)!.IsFutures),
                OrderCanceled c => (c.Order.AccountId, engine.Rules(c.Order.Symbol)!.IsFutures),
                BalanceChanged b => (b.AccountId, b.Futures),
                PositionChanged p => (p.Position.AccountId, true),
                _ => (string.Empty, false),
            };
            foreach (var login in registry.All)
            {
                if (login.Account?.Id != accountId || login.IsFutures != futures)
                {
                    continue;
                }

                switch (e)
                {
                    case OrderAccepted a:
                        Push(login, "order", NotificationRenderer.Order(StartNotify(login, "order"), a.Order, futures, true));
                        break;
                    case OrderFilled f when !(f.Order.Status == SimOrderStatus.PartiallyFilled && !futures && quirks.NoPartialFilledOnSpot):
                        Push(login, "order", NotificationRenderer.Order(StartNotify(login, "order"), f.Order, futures, true));
                        Push(login, "fill", NotificationRenderer.Fill(StartNotify(login, "fill"), f.Fill, futures));
                        break;
                    case OrderCanceled c:
                        Push(login, "order", NotificationRenderer.Order(StartNotify(login, "order"), c.Order, futures, true));
                        break;
                    case BalanceChanged when !assetDirty.Contains(login):
                        assetDirty.Add(login);
                        break;
                    case PositionChanged p:
                        var position = engine.Position(accountId, p.Position.Symbol, market.Mid(p.Position.Symbol) ?? 0m);
                        Push(login, "position", NotificationRenderer.Position(StartNotify(login, "position"), position, p.Position.Symbol));
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

        assetDirty.Clear();
    }

    private static bool HasFill(IReadOnlyList<MatchingEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is OrderFilled)
            {
                return true;
            }
        }

        return false;
    }

    private void PushAsset(QuantLogin login)
    {
        var account = login.Account!;
        var writer = StartNotify(login, "asset");
        var data = login.IsFutures
            ? NotificationRenderer.Asset(writer, account.Futures, false, false)
            : NotificationRenderer.Asset(writer, account.Spot, true, quirks.AssetNotifyFreeOnly);
        Push(login, "asset", data);
    }

    /// <summary>Starts a notification to <paramref name="login"/>; the caller writes its data object and hands the writer to <see cref="Push"/>.</summary>
    private QuantJsonWriter StartNotify(QuantLogin login, string topic) => QuantFrames.StartNotify(venue.PythonJson, topic, login.Token);

    /// <summary>Sends a notification (its data written) with its echo and duplicate copies.</summary>
    private void Push(QuantLogin login, string topic, QuantJsonWriter notification)
    {
        var frame = notification.EndObject().ToFrame();
        var copies = 1 + login.Echoes + (Faults.TryTake(FaultKind.DuplicateNotification, topic) is not null ? 1 : 0);
        for (var i = 0; i < copies; i++)
        {
            login.Session.Send(frame);
        }
    }
}
