using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Engine.Simulator.Venues.Binance;

/// <summary>
/// Market-data stream connections (market-data reference §1.1–§1.3): <c>/ws</c>, <c>/ws/&lt;stream&gt;</c> (raw
/// payloads; ccxt's <c>/ws/0</c> opens with no stream) and <c>/stream?streams=a/b</c> (combined, an empty list
/// allowed), the control messages <c>SUBSCRIBE</c>, <c>UNSUBSCRIBE</c>, <c>LIST_SUBSCRIPTIONS</c>,
/// <c>SET_PROPERTY</c>/<c>GET_PROPERTY combined</c> with ids echoed in their JSON type and Binance's error codes, 5
/// incoming messages per second (then the socket is closed), 1,024 streams, the connection limit, server pings and
/// the maximum connection age of the WebSocket API.
/// </summary>
public sealed partial class BinanceSimulator
{
    private async Task HandleStreamsAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Binance market-data streams simulator: connect with a WebSocket client.", context.RequestAborted);
            return;
        }

        var ip = (context.Connection.RemoteIpAddress ?? IPAddress.Loopback).ToString();
        lock (gate)
        {
            if (!limiter.ChargeConnection(ip, time.GetUtcNow()))
            {
                context.Response.StatusCode = limiter.BannedUntil(ip, time.GetUtcNow()) is null ? StatusCodes.Status429TooManyRequests : StatusCodes.Status418ImATeapot;
                return;
            }
        }

        var path = context.Request.Path.Value ?? string.Empty;
        var combined = path.StartsWith("/stream", StringComparison.Ordinal);
        var initial = combined
            ? context.Request.Query["streams"].ToString().Split('/', StringSplitOptions.RemoveEmptyEntries)
            : path.Length > 4 ? path[4..].Split('/', StringSplitOptions.RemoveEmptyEntries) : [];
        var accept = new WebSocketAcceptContext { DangerousEnableCompression = false };
        if (venue.PingInterval > TimeSpan.Zero)
        {
            accept.KeepAliveInterval = venue.PingInterval;
            accept.KeepAliveTimeout = venue.PongTimeout > TimeSpan.Zero ? venue.PongTimeout : Timeout.InfiniteTimeSpan;
        }
        else
        {
            accept.KeepAliveInterval = TimeSpan.Zero;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(accept);
        var session = streamSockets.Add(id => new BinanceStreamSession(id, socket, combined));
        lock (gate)
        {
            streamConnectionsAccepted++;
            foreach (var stream in initial.Select(Uri.UnescapeDataString).Where(s => IsStream(s)).Distinct(StringComparer.Ordinal).Take(BinanceStreamsLimits.MaxStreams))
            {
                session.Streams.Add(stream);
            }
        }

        var age = time.CreateTimer(
            _ =>
            {
                lock (gate)
                {
                    BinanceStreamsLog.Closing(logger, session.Id, "maximum connection age");
                    session.Close();
                }
            },
            null,
            venue.MaxConnectionAge,
            Timeout.InfiniteTimeSpan);
        await streamSockets.RunAsync(
            session,
            HandleStreamFrame,
            (s, ex) => BinanceStreamsLog.Ended(logger, s.Id, ex.Message),
            ending: age.DisposeAsync);
    }

    /// <summary>One control message, under the lock.</summary>
    private void HandleStreamFrame(BinanceStreamSession session, ReadOnlySpan<byte> frame)
    {
        if (session.Closing)
        {
            return;
        }

        var now = time.GetUtcNow();
        while (session.Incoming.Count > 0 && session.Incoming.Peek() + TimeSpan.FromSeconds(1) <= now)
        {
            session.Incoming.Dequeue();
        }

        session.Incoming.Enqueue(now);
        if (session.Incoming.Count > BinanceStreamsLimits.IncomingPerSecond)
        {
            BinanceStreamsLog.Closing(logger, session.Id, $"more than {BinanceStreamsLimits.IncomingPerSecond} incoming messages per second");
            session.Close();
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame.ToArray());
        }
        catch (JsonException ex)
        {
            session.Send(StreamError(null, 3, $"Invalid JSON: {ex.Message}"));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                session.Send(StreamError(null, 3, "Invalid JSON: expected an object"));
                return;
            }

            JsonNode? id = null;
            if (root.TryGetProperty("id", out var idElement))
            {
                var validId = idElement.ValueKind switch
                {
                    JsonValueKind.Null => true,
                    JsonValueKind.Number => idElement.TryGetInt64(out _),
                    JsonValueKind.String => idElement.GetString()!.Length <= 36 && idElement.GetString()!.All(char.IsAsciiLetterOrDigit),
                    _ => false,
                };
                if (!validId)
                {
                    session.Send(StreamError(null, 2, "Invalid request: request ID must be an unsigned integer or an alphanumeric string of at most 36 characters"));
                    return;
                }

                id = JsonNode.Parse(idElement.GetRawText());
            }

            var method = root.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var parameters = root.TryGetProperty("params", out var p) ? p : default;
            session.Send(method switch
            {
                null => StreamError(id, 2, "Invalid request: missing field `method`"),
                "SUBSCRIBE" => Subscribe(session, id, parameters),
                "UNSUBSCRIBE" => Unsubscribe(session, id, parameters),
                "LIST_SUBSCRIPTIONS" => StreamResult(id, new JsonArray([.. session.Streams.Select(s => (JsonNode)JsonValue.Create(s))])),
                "SET_PROPERTY" => SetProperty(session, id, parameters),
                "GET_PROPERTY" => GetProperty(session, id, parameters),
                _ => StreamError(id, 2, $"Invalid request: unknown variant `{method}`, expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`"),
            });
        }
    }

    private static string Subscribe(BinanceStreamSession session, JsonNode? id, JsonElement parameters)
    {
        if (StreamNames(parameters) is not { } names)
        {
            return StreamError(id, 2, "Invalid request: invalid stream");
        }

        var added = names.Where(n => !session.Streams.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
        if (session.Streams.Count + added.Count > BinanceStreamsLimits.MaxStreams)
        {
            return StreamError(id, 2, $"Invalid request: too many streams; at most {BinanceStreamsLimits.MaxStreams} per connection");
        }

        session.Streams.AddRange(added);
        return StreamResult(id, null);
    }

    private static string Unsubscribe(BinanceStreamSession session, JsonNode? id, JsonElement parameters)
    {
        if (StreamNames(parameters) is not { } names)
        {
            return StreamError(id, 2, "Invalid request: invalid stream");
        }

        session.Streams.RemoveAll(s => names.Contains(s));
        return StreamResult(id, null);
    }

    private static string SetProperty(BinanceStreamSession session, JsonNode? id, JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Array || parameters.GetArrayLength() != 2 || parameters[0].ValueKind != JsonValueKind.String)
        {
            return StreamError(id, 2, "Invalid request: SET_PROPERTY expects [\"combined\", true|false]");
        }

        if (parameters[0].GetString() != "combined")
        {
            return StreamError(id, 0, "Unknown property");
        }

        if (parameters[1].ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return StreamError(id, 1, "Invalid value type: expected Boolean");
        }

        session.Combined = parameters[1].GetBoolean();
        return StreamResult(id, null);
    }

    private static string GetProperty(BinanceStreamSession session, JsonNode? id, JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Array || parameters.GetArrayLength() != 1 || parameters[0].ValueKind != JsonValueKind.String)
        {
            return StreamError(id, 2, "Invalid request: GET_PROPERTY expects [\"combined\"]");
        }

        return parameters[0].GetString() == "combined" ? StreamResult(id, JsonValue.Create(session.Combined)) : StreamError(id, 0, "Unknown property");
    }

    /// <summary>The stream names of a SUBSCRIBE/UNSUBSCRIBE; null when the list is missing or one name is not a stream this venue serves.</summary>
    private static List<string>? StreamNames(JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var p in parameters.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.String || !IsStream(p.GetString()!))
            {
                return null;
            }

            names.Add(p.GetString()!);
        }

        return names;
    }

    /// <summary>True for <c>!miniTicker@arr</c> and for <c>&lt;symbol&gt;@&lt;type&gt;</c> with a lower-case simulated symbol and a stream type this simulator publishes.</summary>
    private static bool IsStream(string name)
    {
        if (name == AllMiniTickers)
        {
            return true;
        }

        var at = name.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
        {
            return false;
        }

        var symbol = name[..at];
        if (symbol.Any(char.IsUpper) || !BinanceSymbols.Rules.Any(r => r.Symbol.Equals(symbol, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var type = name[(at + 1)..];
        return type is "trade" or "aggTrade" or "bookTicker" or "ticker" or "miniTicker" or "depth" or "depth@100ms"
            or "depth5" or "depth10" or "depth20" or "depth5@100ms" or "depth10@100ms" or "depth20@100ms"
            || (type.StartsWith("kline_", StringComparison.Ordinal) && KlineInterval(type[6..]) is not null);
    }

    /// <summary>A kline interval as a duration; null for an unknown one (<c>1M</c> is not served).</summary>
    private static TimeSpan? KlineInterval(string interval) => interval switch
    {
        "1s" => TimeSpan.FromSeconds(1),
        "1m" => TimeSpan.FromMinutes(1),
        "3m" => TimeSpan.FromMinutes(3),
        "5m" => TimeSpan.FromMinutes(5),
        "15m" => TimeSpan.FromMinutes(15),
        "30m" => TimeSpan.FromMinutes(30),
        "1h" => TimeSpan.FromHours(1),
        "2h" => TimeSpan.FromHours(2),
        "4h" => TimeSpan.FromHours(4),
        "6h" => TimeSpan.FromHours(6),
        "8h" => TimeSpan.FromHours(8),
        "12h" => TimeSpan.FromHours(12),
        "1d" => TimeSpan.FromDays(1),
        "3d" => TimeSpan.FromDays(3),
        "1w" => TimeSpan.FromDays(7),
        _ => null,
    };

    private static string StreamResult(JsonNode? id, JsonNode? result) =>
        BinanceJson.Write(new JsonObject { ["result"] = result, ["id"] = id });

    private static string StreamError(JsonNode? id, int code, string message) =>
        BinanceJson.Write(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["msg"] = message }, ["id"] = id });
}
