using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Simulator.Faults;
using Engine.Simulator.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Engine.Simulator.Venues.DBot;

/// <summary>
/// The trading WebSocket: key check on the upgrade, the upgrade itself over a frame-watching stream (to see Pings),
/// routing by <c>method</c>, the subscription, RPC replies with the raw <c>id</c> echoed, faults and the idle close.
/// </summary>
public sealed partial class DBotSimulator
{
    private const string WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private Task HandleWebSocketAsync(HttpContext context) =>
        ServeSocketAsync(context, "trading", sockets, (id, socket, account) => new DBotSession(id, socket, account, time.GetUtcNow()), HandleFrame);

    /// <summary>
    /// One connection to a DBot WebSocket, trading or data (<paramref name="what"/>): 401 without a known
    /// <c>X-API-KEY</c>, the upgrade (<see cref="UpgradeAsync"/>, its Pings counted toward liveness), then the
    /// connection runs in <paramref name="hub"/>, each text frame going to <paramref name="onText"/> under the lock, until it ends.
    /// </summary>
    private async Task ServeSocketAsync<TSession>(
        HttpContext context,
        string what,
        SocketHub<TSession> hub,
        Func<long, WebSocket, DBotAccountState, TSession> create,
        Action<TSession, ReadOnlySpan<byte>> onText)
        where TSession : SocketSession, IDBotLiveness
    {
        if (Authenticate(context) is not { } account)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("401 Unauthorized: missing or unknown X-API-KEY", context.RequestAborted);
            return;
        }

        TSession? session = null;
        using var socket = await UpgradeAsync(context, what, opcode => OnInboundFrame(session, opcode));
        if (socket is null)
        {
            return;
        }

        session = hub.Add(id => create(id, socket, account));
        await hub.RunAsync(session, onText, (s, ex) => DBotLog.ConnectionEnded(logger, s.Id, ex.Message));
    }

    /// <summary>
    /// The WebSocket upgrade over a frame-watching stream (<paramref name="onFrame"/> sees every inbound opcode, Pings
    /// included); null after answering 400 to a request that is not an upgrade.
    /// </summary>
    private static async Task<WebSocket?> UpgradeAsync(HttpContext context, string what, Action<int> onFrame)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        var key = context.Request.Headers.SecWebSocketKey.ToString();
        if (upgrade is not { IsUpgradableRequest: true } || key.Length == 0
            || !string.Equals(context.Request.Headers.Upgrade.ToString(), "websocket", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"DBot {what} WebSocket simulator: connect with a WebSocket client.", context.RequestAborted);
            return null;
        }

        context.Response.Headers.Upgrade = "websocket";
        context.Response.Headers.Connection = "Upgrade";
#pragma warning disable CA5350 // RFC 6455 §4.2.2 defines Sec-WebSocket-Accept as SHA-1; it is a handshake check, not security.
        context.Response.Headers.SecWebSocketAccept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + WebSocketGuid)));
#pragma warning restore CA5350
        var stream = await upgrade.UpgradeAsync();
        return WebSocket.CreateFromStream(new FrameWatchStream(stream, onFrame), new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
    }

    private DBotAccountState? Authenticate(HttpContext context)
    {
        var key = context.Request.Headers["X-API-KEY"].ToString();
        lock (gate)
        {
            return key.Length > 0 && accountsByKey.TryGetValue(key, out var account) ? account : null;
        }
    }

    private void OnInboundFrame(IDBotLiveness? session, int opcode)
    {
        if (session is null)
        {
            return;
        }

        lock (gate)
        {
            var now = time.GetUtcNow();
            session.LastFrame = now;
            if (opcode == 0x9)
            {
                session.LastPing = now;
                session.Pings++;
            }
        }
    }

    private void CloseIdle()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            foreach (var session in sockets.Open().Cast<SocketSession>().Concat(dataSockets.Open()))
            {
                var liveness = (IDBotLiveness)session;
                var last = strictPing ? liveness.LastPing : liveness.LastFrame;
                if (now - last >= venue.IdleTimeout)
                {
                    DBotLog.Closing(logger, session.Id, strictPing ? "no ping within the idle timeout" : "no frame within the idle timeout");
                    session.Close(WebSocketCloseStatus.EndpointUnavailable, "heartbeat timeout");
                }
            }
        }
    }

    /// <summary>
    /// Parses a text frame of either socket: true with the object (null when the JSON is not an object), or false with
    /// <c>invalid JSON: </c> and the parser's message.
    /// </summary>
    private static bool TryParseFrame(ReadOnlySpan<byte> frame, out JsonObject? root, out string error)
    {
        try
        {
            root = JsonNode.Parse(frame) as JsonObject;
            error = string.Empty;
            return true;
        }
        catch (JsonException ex)
        {
            root = null;
            error = $"invalid JSON: {ex.Message}";
            return false;
        }
    }

    /// <summary>Handles one text frame under the lock: routed by <c>method</c> first, then answered by <c>id</c>.</summary>
    private void HandleFrame(DBotSession session, ReadOnlySpan<byte> frame)
    {
        if (session.Closing)
        {
            return;
        }

        if (!TryParseFrame(frame, out var root, out var error))
        {
            BadInput(session, null, error);
            return;
        }

        if (root is null)
        {
            BadInput(session, null, "invalid request: expected a JSON object");
            return;
        }

        var id = root.TryGetPropertyValue("id", out var idNode) ? idNode : null;
        if (root["method"] is not JsonValue m || m.GetValueKind() != JsonValueKind.String)
        {
            BadInput(session, id, "invalid request: 'method' is missing or not a string");
            return;
        }

        var method = m.GetValue<string>();
        if (method == "subscribeTradeResults")
        {
            Subscribe(session, root);
            return;
        }

        if (id is null)
        {
            BadInput(session, null, $"invalid request: '{method}' has no 'id'");
            return;
        }

        var parameters = root["params"] switch
        {
            null => new JsonObject(),
            JsonObject o => o,
            _ => null,
        };
        if (parameters is null)
        {
            BadInput(session, id, "invalid request: 'params' must be an object");
            return;
        }

        Rpc(session, id, method, parameters);
    }

    private void Rpc(DBotSession session, JsonNode id, string method, JsonObject parameters)
    {
        var now = time.GetUtcNow();
        if (!IsMethod(method))
        {
            BadInput(session, id, $"unknown method '{method}'");
            return;
        }

        if (Faults.TryTake(FaultKind.Disconnect, method) is not null)
        {
            DBotLog.Closing(logger, session.Id, $"disconnect fault on {method}");
            session.Abort();
            return;
        }

        if (Faults.TryTake(FaultKind.RateLimit, method) is not null)
        {
            SendReply(session, method, RpcError(id, $"rate limit exceeded for {method} (simulated fault)"));
            return;
        }

        if (Faults.TryTake(FaultKind.UnknownOutcomeNotExecuted, method) is not null)
        {
            SendReply(session, method, RpcError(id, "internal error: the call was not executed (simulated fault)"));
            return;
        }

        DBotOutcome outcome;
        try
        {
            outcome = Call(session.Account, method, parameters, now);
        }
        catch (DBotCallException ex)
        {
            SendReply(session, method, RpcError(id, ex.Message));
            return;
        }

        var reply = Faults.TryTake(FaultKind.UnknownOutcome, method) is not null
            ? RpcError(id, "internal error: execution status unknown (simulated fault; the call was executed)")
            : RpcSuccess(id, outcome.Res);
        if (Faults.TryTake(FaultKind.NotifyBeforeReply, method) is not null)
        {
            Deliver(outcome.Notices.Count > 0 ? outcome.Notices : Interleave(session.Account, now));
            SendReply(session, method, reply);
        }
        else
        {
            SendReply(session, method, reply);
            Deliver(outcome.Notices);
        }
    }

    private void Subscribe(DBotSession session, JsonObject root)
    {
        var filter = new List<string>();
        if (root["tradeTypeFilter"] is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                {
                    filter.Add(v.GetValue<string>());
                }
            }
        }

        if (freePlan)
        {
            if (freePlanClosesSocket)
            {
                DBotLog.Closing(logger, session.Id, "Free plan cannot subscribe to trade results");
                session.Close(WebSocketCloseStatus.PolicyViolation, "plan does not allow trade results");
                return;
            }

            // GUESS: the real refusal is undocumented; a subscribeResponse carrying an error message is one option.
            session.Send(Frame("subscribeResponse", new JsonObject { ["message"] = "subscribeTradeResults is not available on the Free plan" }));
            return;
        }

        session.Filter = filter;
        session.Send(Frame("subscribeResponse", new JsonObject { ["message"] = "Connected and subscribed" }));
    }

    private void BadInput(DBotSession session, JsonNode? id, string reason)
    {
        if (replyToBadInput)
        {
            session.Send(RpcError(id, reason));
        }
    }

    private void SendReply(DBotSession session, string method, string frame)
    {
        if (Faults.TryTake(FaultKind.DropReply, method) is not null)
        {
            return;
        }

        if (Faults.TryTake(FaultKind.DelayReply, method) is { } delay)
        {
            session.SendAfter(frame, TimeSpan.FromMilliseconds(delay.DelayMs), time);
            return;
        }

        session.Send(frame);
    }

    /// <summary>Sends each notice to every connection of its account subscribed to its type (twice under a <c>duplicate_notification</c> fault).</summary>
    private void Deliver(IReadOnlyList<DBotNotice> notices)
    {
        foreach (var notice in notices)
        {
            DBotLog.TradeResult(logger, notice.TradeType, (string?)notice.Result["id"] ?? string.Empty, notice.AccountId);
            var frame = Frame("tradeResultNotify", notice.Result);
            var twice = Faults.TryTake(FaultKind.DuplicateNotification, notice.TradeType) is not null;
            foreach (var session in sockets.Open())
            {
                if (session.Account.Id == notice.AccountId && session.Wants(notice.TradeType))
                {
                    session.Send(frame);
                    if (twice)
                    {
                        session.Send(frame);
                    }
                }
            }
        }
    }

    private static string RpcSuccess(JsonNode id, JsonNode? res)
    {
        var result = new JsonObject { ["err"] = false };
        if (res is not null)
        {
            result["res"] = res.DeepClone();
        }

        return new JsonObject { ["method"] = "rpcResponse", ["id"] = id.DeepClone(), ["result"] = result }.ToJsonString();
    }

    /// <summary>ASSUMPTION (reference §8 #8): the error body is <c>{"err": true, "res": "&lt;reason&gt;"}</c>.</summary>
    private static string RpcError(JsonNode? id, string reason) =>
        new JsonObject { ["method"] = "rpcResponse", ["id"] = id?.DeepClone(), ["result"] = new JsonObject { ["err"] = true, ["res"] = reason } }.ToJsonString();

    private static string Frame(string method, JsonObject result) =>
        new JsonObject { ["method"] = method, ["result"] = result.DeepClone() }.ToJsonString();
}
