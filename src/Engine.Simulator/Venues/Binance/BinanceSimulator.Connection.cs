using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Simulator.Faults;
using Engine.Simulator.Sockets;
using Engine.Messages.Wire;

namespace Engine.Simulator.Venues.Binance;

/// <summary>Connection life: receive loop, envelope parsing, limits, faults and the reply (§3, §7).</summary>
public sealed partial class BinanceSimulator
{
    private async Task RunSessionAsync(WebSocket socket, string ip, bool returnRateLimits, bool microseconds)
    {
        var session = sockets.Add(id => new BinanceSession(id, socket, ip, time.GetUtcNow(), returnRateLimits, microseconds));
        var age = time.CreateTimer(
            _ =>
            {
                lock (gate)
                {
                    BinanceLog.Closing(logger, session.Id, "maximum connection age");
                    session.Close();
                }
            },
            null,
            venue.MaxConnectionAge,
            Timeout.InfiniteTimeSpan);
        await sockets.RunAsync(
            session,
            HandleFrame,
            (s, ex) => BinanceLog.ConnectionEnded(logger, s.Id, ex.Message),
            ending: age.DisposeAsync);
    }

    /// <summary>Handles one request frame under the lock; a closing connection's frames are ignored.</summary>
    private void HandleFrame(BinanceSession session, ReadOnlySpan<byte> frame)
    {
        if (session.Closing)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (WireText.Problem(frame) is { } problem)
        {
            session.Send(BinanceJson.Error(null, new BinanceRequestException(400, -1135, $"Invalid JSON request: {problem}."), null));
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame.ToArray());
        }
        catch (JsonException)
        {
            session.Send(BinanceJson.Error(null, new BinanceRequestException(400, -1135, "Invalid JSON request."), null));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            JsonElement? id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var idElement) ? idElement.Clone() : null;
            if (session.Revoked)
            {
                Revoke(session, now);
                return;
            }

            BinanceRequest request;
            try
            {
                request = Parse(session, root, id, now);
            }
            catch (BinanceRequestException ex)
            {
                session.Send(BinanceJson.Error(id, ex, null));
                return;
            }

            Handle(request);
        }
    }

    private static BinanceRequest Parse(BinanceSession session, JsonElement root, JsonElement? id, DateTimeOffset now)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new BinanceRequestException(400, -1135, "Invalid JSON request.");
        }

        if (!root.TryGetProperty("method", out var m) || m.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(m.GetString()))
        {
            throw BinanceRequestException.Mandatory("method");
        }

        var method = m.GetString()!;
        if (method.StartsWith("v3/", StringComparison.Ordinal))
        {
            method = method[3..];
        }

        JsonElement parameters;
        if (!root.TryGetProperty("params", out var p) || p.ValueKind == JsonValueKind.Null)
        {
            parameters = JsonDocument.Parse("{}").RootElement;
        }
        else if (p.ValueKind == JsonValueKind.Object)
        {
            parameters = p.Clone();
        }
        else
        {
            throw new BinanceRequestException(400, -1135, "Invalid 'params' in JSON request; expected an object.");
        }

        return new BinanceRequest(session, id, method, parameters, now);
    }

    private void Handle(BinanceRequest request)
    {
        var session = request.Session;
        if (Faults.TryTake(FaultKind.Disconnect, request.Method) is not null)
        {
            session.Abort();
            return;
        }

        var returnLimits = request.Bool("returnRateLimits") ?? session.ReturnRateLimits;
        if (Faults.TryTake(FaultKind.RateLimit, request.Method) is not null)
        {
            var until = limiter.Penalise(session.Ip, NextMinute(request.Now));
            Answer(request, returnLimits, TooManyRequests(request, until.Until, "request weight"));
            return;
        }

        var decision = limiter.ChargeWeight(session.Ip, Weight(request), request.Now);
        if (decision.Verdict != RateVerdict.Allowed)
        {
            Answer(request, returnLimits, decision.Verdict == RateVerdict.Banned ? Banned(request, decision.Until) : TooManyRequests(request, decision.Until, "request weight"));
            if (decision.NewBan)
            {
                BinanceLog.Closing(logger, session.Id, "IP banned");
                session.Close();
            }

            return;
        }

        if (Faults.TryTake(FaultKind.UnknownOutcomeNotExecuted, request.Method) is not null)
        {
            Answer(request, returnLimits, BackendTimeout());
            return;
        }

        BinanceOutcome outcome;
        try
        {
            outcome = Dispatch(request);
        }
        catch (BinanceRequestException ex)
        {
            Answer(request, returnLimits, ex);
            return;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException or ArgumentException or KeyNotFoundException)
        {
            BinanceLog.HandlerFailure(logger, ex, session.Id, request.Method);
            Answer(request, returnLimits, new BinanceRequestException(500, -1000, "An unknown error occurred while processing the request."));
            return;
        }

        var reply = Faults.TryTake(FaultKind.UnknownOutcome, request.Method) is not null
            ? BinanceJson.Error(request.Id, BackendTimeout(), Limits(request, returnLimits))
            : BinanceJson.Success(request.Id, outcome.Result, Limits(request, returnLimits));
        var filledAtOnce = outcome.Pushes.Count(p => p.EventType == "executionReport") > 1;
        if (Faults.TryTake(FaultKind.NotifyBeforeReply, request.Method) is not null
            || (filledAtOnce && Faults.TryTake(FaultKind.FillsBeforeReply, request.Method) is not null))
        {
            Deliver(outcome.Pushes);
            SendReply(request, reply);
        }
        else
        {
            SendReply(request, reply);
            Deliver(outcome.Pushes);
        }

        foreach (var frame in outcome.After)
        {
            session.Send(frame);
        }

        if (Faults.TryTake(FaultKind.ServerShutdown, request.Method) is not null)
        {
            Act(session, 1);
        }
    }

    private void Answer(BinanceRequest request, bool returnLimits, BinanceRequestException error) =>
        SendReply(request, BinanceJson.Error(request.Id, error, Limits(request, returnLimits)));

    private IReadOnlyList<RateLimitUsage>? Limits(BinanceRequest request, bool returnLimits) =>
        returnLimits ? limiter.Usage(request.Session.Ip, request.OrderAccount, request.Now) : null;

    private void SendReply(BinanceRequest request, string frame)
    {
        if (Faults.TryTake(FaultKind.DropReply, request.Method) is not null)
        {
            return;
        }

        if (Faults.TryTake(FaultKind.DelayReply, request.Method) is { } delay)
        {
            request.Session.SendAfter(frame, TimeSpan.FromMilliseconds(delay.DelayMs), time);
            return;
        }

        request.Session.Send(frame);
    }

    private BinanceRequestException TooManyRequests(BinanceRequest request, DateTimeOffset until, string what)
    {
        var data = new JsonObject { ["serverTime"] = request.Session.Time(request.Now), ["retryAfter"] = request.Session.Time(until) };
        return what == "orders"
            ? new BinanceRequestException(429, -1015, $"Too many new orders; current limit is {limiter.Limits.OrdersPerTenSeconds} orders per 10 SECOND.", data)
            : new BinanceRequestException(429, -1003, $"Too much request weight used; current limit is {limiter.Limits.WeightPerMinute} request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.", data);
    }

    private static BinanceRequestException BackendTimeout() =>
        new(400, -1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");

    private static BinanceRequestException Banned(BinanceRequest request, DateTimeOffset until)
    {
        var end = request.Session.Time(until);
        var data = new JsonObject { ["serverTime"] = request.Session.Time(request.Now), ["retryAfter"] = end };
        return new BinanceRequestException(418, -1003, $"Way too much request weight used; IP banned until {end}. Please use WebSocket Streams for live updates to avoid bans.", data);
    }

    private static DateTimeOffset NextMinute(DateTimeOffset now) =>
        new(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute) + TimeSpan.TicksPerMinute, TimeSpan.Zero);

    /// <summary>Key revocation (§4.5): 401 with a null id; the session is logged out and its logon-based subscription ends.</summary>
    private static void Revoke(BinanceSession session, DateTimeOffset now)
    {
        session.Revoked = false;
        session.Send(BinanceJson.Error(null, new BinanceRequestException(401, -2015, "Invalid API-key, IP, or permissions for action."), null));
        foreach (var frame in Logout(session, now))
        {
            session.Send(frame);
        }
    }
}
