using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Simulator.Matching;
using Microsoft.AspNetCore.Http;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>The listen-key WebSocket (§8.2–§8.5) and the rendering of matching events into event arrays.</summary>
public sealed partial class ToobitSimulator
{
    private async Task HandleStreamAsync(HttpContext context, string listenKey)
    {
        string? accountId;
        lock (gate)
        {
            accountId = listenKeys.Owner(listenKey, time.GetUtcNow());
        }

        if (!context.WebSockets.IsWebSocketRequest || accountId is null)
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/json";
            var error = accountId is null ? ToobitJson.Error(-1125, "This listenKey does not exist.") : ToobitJson.Error(-1000, "Connect with a WebSocket client.");
            await context.Response.WriteAsync(error.ToJsonString(), context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { DangerousEnableCompression = false, KeepAliveInterval = TimeSpan.Zero });
        var session = streams.Add(id => new ToobitStreamSession(id, socket, accountId, listenKey, time.GetUtcNow()));
        await streams.RunAsync(session, OnStreamText, (s, e) => ToobitLog.StreamEnded(logger, s.Id, e.Message));
    }

    /// <summary>Under the lock: <c>{}</c> is ignored, <c>{"ping":x}</c> answered with <c>{"pong":x}</c>; over the message rate the stream closes.</summary>
    private void OnStreamText(ToobitStreamSession session, ReadOnlySpan<byte> frame)
    {
        var now = time.GetUtcNow();
        session.Recent.Enqueue(now);
        while (session.Recent.Count > 0 && now - session.Recent.Peek() >= TimeSpan.FromSeconds(1))
        {
            session.Recent.Dequeue();
        }

        if (session.Recent.Count > venue.StreamMessagesPerSecond)
        {
            ToobitLog.Closing(logger, session.Id, "more than " + venue.StreamMessagesPerSecond + " messages per second");
            session.Close();
            return;
        }

        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(frame));
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("ping", out var ping))
            {
                session.LastPingAt = now;
                session.Send("{\"pong\":" + ping.GetRawText() + "}");
            }
        }
        catch (JsonException)
        {
            // Anything that is not JSON is ignored, as the venue ignores unknown messages.
        }
    }

    /// <summary>Queues each push on every open stream of its account, under the lock.</summary>
    private void Deliver(IReadOnlyList<ToobitPush> pushes)
    {
        if (pushes.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            var open = streams.Open();
            foreach (var push in pushes)
            {
                foreach (var session in open.Where(s => s.AccountId == push.AccountId))
                {
                    session.Send(push.Frame);
                }
            }
        }
    }

    /// <summary>Applies matching events to the venue's orders and trades and renders them as event arrays, in order.</summary>
    private List<ToobitPush> Render(IReadOnlyList<MatchingEvent> events, DateTimeOffset now)
    {
        var pushes = new List<ToobitPush>();
        foreach (var e in events)
        {
            switch (e)
            {
                case OrderAccepted a when Find(a.Order) is { } o:
                    o.View = a.Order;
                    o.Status = "NEW";
                    o.UpdatedAt = now;
                    pushes.Add(Push(o.AccountId, ToobitJson.ExecutionReport(o, null, now)));
                    break;
                case OrderFilled f when Find(f.Order) is { } o:
                    o.View = f.Order;
                    o.ExecutedQty = f.Order.Filled;
                    o.CumulativeQuote += f.Fill.Price * f.Fill.Quantity;
                    o.Status = f.Order.Remaining == 0m ? "FILLED" : "PARTIALLY_FILLED";
                    o.UpdatedAt = now;
                    var trade = new ToobitTrade(nextTradeId++, o.OrderId, 0, o.AccountId, o.Symbol, o.Futures, o.Side, f.Fill.Price, f.Fill.Quantity, f.Fill.Fee, f.Fill.FeeAsset, f.Fill.Side == OrderSide.Buy, f.Fill.Liquidity == Liquidity.Maker, 0m, now);
                    trades.Add(trade);
                    PublishQuoteFill(f.Fill, now);
                    pushes.Add(Push(o.AccountId, ToobitJson.ExecutionReport(o, f.Fill, now), ToobitJson.Ticket(o, trade)));
                    break;
                case OrderCanceled c when Find(c.Order) is { } o:
                    o.View = c.Order;
                    o.Status = "CANCELED";
                    o.UpdatedAt = now;
                    pushes.Add(Push(o.AccountId, ToobitJson.ExecutionReport(o, null, now)));
                    break;
                case BalanceChanged b:
                    pushes.Add(Push(b.AccountId, ToobitJson.AccountInfo(b.Futures, [(b.Asset, b.Free, b.Locked)], now)));
                    break;
                case PositionChanged p:
                    var lev = LeverageOf(p.Position.AccountId, p.Position.Symbol);
                    pushes.Add(Push(p.Position.AccountId, ToobitJson.PositionInfo(p.Position, true, lev, now), ToobitJson.PositionInfo(p.Position, false, lev, now)));
                    break;
                default:
                    break;
            }
        }

        return pushes;
    }

    private ToobitOrder? Find(OrderView view) =>
        long.TryParse(view.OrderId, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id) ? orders.GetValueOrDefault(id) : null;

    private static ToobitPush Push(string accountId, params JsonObject[] events) =>
        new(accountId, new JsonArray([.. events]).ToJsonString());
}
