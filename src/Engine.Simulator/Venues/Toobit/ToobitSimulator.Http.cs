using System.Globalization;
using System.Text.Json.Nodes;
using Engine.Simulator.Accounts;
using Engine.Simulator.Faults;
using Microsoft.AspNetCore.Http;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>The HTTP pipeline: route, faults, API key, signature, timestamp, weight, handler, response, pushes.</summary>
public sealed partial class ToobitSimulator
{
    private async Task HandleHttpAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (path.StartsWith(WebSocketPath + "/", StringComparison.Ordinal))
        {
            await HandleStreamAsync(context, path[(WebSocketPath.Length + 1)..]);
            return;
        }

        var request = await ToobitRequest.ReadAsync(context);
        var op = request.Method + " " + request.Path;
        if (!routes.TryGetValue(op, out var route))
        {
            await WriteAsync(context, 404, ToobitJson.Error(-1020, $"Unsupported operation: {op}."), null);
            return;
        }

        if (Faults.TryTake(FaultKind.Banned, op) is { } ban)
        {
            await WriteAsync(context, 418, ToobitJson.Error(-1003, "Way too many requests; IP banned."), TimeSpan.FromMilliseconds(Math.Max(ban.DelayMs, 1000)));
            return;
        }

        if (Faults.TryTake(FaultKind.RateLimit, op) is { } limited)
        {
            await WriteAsync(context, 429, ToobitJson.Error(-1003, "Too many requests."), TimeSpan.FromMilliseconds(Math.Max(limited.DelayMs, 1000)));
            return;
        }

        var notExecuted = Faults.TryTake(FaultKind.UnknownOutcomeNotExecuted, op) is not null;
        ToobitReply? reply = null;
        ToobitException? refusal = null;
        lock (gate)
        {
            var now = time.GetUtcNow();
            try
            {
                var account = Authenticate(request, route, now);
                limiter.Charge(request.Ip, account?.Id, route.Weight, route.IsOrder, now);
                if (notExecuted)
                {
                    throw new ToobitException(503, -1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
                }

                if (route.IsOrder && Faults.TryTake(FaultKind.RejectOrders, op) is { } reject)
                {
                    throw ToobitException.Bad(-2010, reject.Message ?? "New order rejected.");
                }

                reply = route.Handler(request, account, now);
            }
            catch (ToobitException e)
            {
                refusal = e;
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                refusal = ToobitException.Bad(-1100, "Illegal characters found in a parameter.");
            }
        }

        await AnswerAsync(context, op, reply, refusal);
    }

    private async Task AnswerAsync(HttpContext context, string op, ToobitReply? reply, ToobitException? refusal)
    {
        var pushes = reply?.Pushes ?? [];
        if (Faults.TryTake(FaultKind.NotifyBeforeReply, op) is not null)
        {
            Deliver(pushes);
            pushes = [];
        }

        if (Faults.TryTake(FaultKind.DelayReply, op) is { } delay)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(delay.DelayMs), time, context.RequestAborted);
        }

        if (Faults.TryTake(FaultKind.DropReply, op) is not null)
        {
            context.Abort();
        }
        else if (refusal is not null)
        {
            await WriteAsync(context, refusal.Status, ToobitJson.Error(refusal.Code, refusal.Message), refusal.RetryAfter);
        }
        else if (Faults.TryTake(FaultKind.UnknownOutcome, op) is not null)
        {
            await WriteAsync(context, 500, ToobitJson.Error(-1006, "An unexpected response was received from the message bus. Execution status unknown."), null);
        }
        else
        {
            await WriteAsync(context, 200, reply!.Body, null);
        }

        Deliver(pushes);
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonNode body, TimeSpan? retryAfter)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (retryAfter is { } after)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>Checks the API key, the signature on the raw bytes and the timestamp rule (reference §5, §10.2–§10.5).</summary>
    private SimAccount? Authenticate(ToobitRequest request, ToobitRoute route, DateTimeOffset now)
    {
        if (route.Security == ToobitSecurity.None)
        {
            return null;
        }

        if (request.ApiKey is null)
        {
            throw new ToobitException(401, -2014, "API-key format invalid: the X-BB-APIKEY header is missing.");
        }

        if (!accountsByKey.TryGetValue(request.ApiKey, out var account))
        {
            throw new ToobitException(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }

        var signature = ToobitSignature.Find(request.RawQuery, request.RawBody, request.IsJsonBody);
        if (signature is null)
        {
            if (route.Security == ToobitSecurity.Signed)
            {
                throw ToobitException.Missing("signature");
            }

            return account;
        }

        if (!ToobitSignature.Verify(account.Secret, request.RawQuery, request.RawBody, request.IsJsonBody, venue.AcceptJsonBodySignature))
        {
            throw ToobitException.Bad(-1022, "Signature for this request is not valid.");
        }

        var timestamp = Long(request, "timestamp") ?? throw ToobitException.Missing("timestamp");
        var window = Long(request, "recvWindow") ?? 5000;
        if (window <= 0 || window > venue.MaxRecvWindow)
        {
            throw ToobitException.Bad(-1130, string.Create(CultureInfo.InvariantCulture, $"Invalid data sent for a parameter: recvWindow={window}; expected 1 to {venue.MaxRecvWindow}."));
        }

        var server = now.ToUnixTimeMilliseconds();
        if (timestamp >= server + 1000 || server - timestamp > window)
        {
            throw ToobitException.Bad(-1021, "Timestamp for this request is outside of the recvWindow.");
        }

        return account;
    }

    private static long? Long(ToobitRequest request, string name) =>
        request.Get(name) is { } text
            ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw ToobitException.Invalid(name, text)
            : null;

    private static decimal? Decimal(ToobitRequest request, string name) =>
        request.Get(name) is { } text
            ? decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : throw ToobitException.Invalid(name, text)
            : null;
}
