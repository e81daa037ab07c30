using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>
/// The quote WebSocket <c>/quote/ws/v1</c> (market-data reference §2.1–§2.3): <c>{"symbol":"A,B","topic":…,"event":
/// "sub"|"cancel"|"cancel_all","params":{…}}</c>, never acknowledged; <c>params</c> optional and <c>binary</c> accepted
/// as boolean or string; symbols split on commas and trimmed; errors <c>{"code","desc"}</c> (-10001 invalid JSON,
/// -10002 invalid event, -10004 invalid topic, -100010 invalid symbols) with the socket left open. <c>{"ping":x}</c> is
/// answered <c>{"pong":x}</c>; a socket silent for <see cref="ToobitOptions.QuoteIdleTimeout"/> is closed. Every
/// <c>sub</c> is followed by the topic's first push (<c>f:true</c>), see <c>ToobitSimulator.QuotesMarket.cs</c>.
/// </summary>
public sealed partial class ToobitSimulator
{
    private static readonly HashSet<string> QuoteTopics = new(StringComparer.Ordinal) { "trade", "realtimes", "depth", "diffDepth" };

    private static readonly Dictionary<string, TimeSpan> KlineIntervals = new(StringComparer.Ordinal)
    {
        ["1m"] = TimeSpan.FromMinutes(1), ["3m"] = TimeSpan.FromMinutes(3), ["5m"] = TimeSpan.FromMinutes(5), ["15m"] = TimeSpan.FromMinutes(15),
        ["30m"] = TimeSpan.FromMinutes(30), ["1h"] = TimeSpan.FromHours(1), ["2h"] = TimeSpan.FromHours(2), ["4h"] = TimeSpan.FromHours(4),
        ["6h"] = TimeSpan.FromHours(6), ["8h"] = TimeSpan.FromHours(8), ["12h"] = TimeSpan.FromHours(12), ["1d"] = TimeSpan.FromDays(1),
        ["1w"] = TimeSpan.FromDays(7), ["1M"] = TimeSpan.FromDays(30),
    };

    private long quoteConnectionsAccepted;
    private long quotePings;
    private bool answerQuotePings = true;

    /// <summary>Client pings received on quote sockets since start.</summary>
    public long QuotePingsReceived
    {
        get
        {
            lock (gate)
            {
                return quotePings;
            }
        }
    }

    /// <summary>Fault switch: false leaves quote pings unanswered (a half-dead socket).</summary>
    public bool AnswerQuotePings
    {
        get
        {
            lock (gate)
            {
                return answerQuotePings;
            }
        }

        set
        {
            lock (gate)
            {
                answerQuotePings = value;
            }
        }
    }

    /// <summary>Quote WebSocket connections accepted since start.</summary>
    public long QuoteConnectionsAccepted
    {
        get
        {
            lock (gate)
            {
                return quoteConnectionsAccepted;
            }
        }
    }

    /// <summary>The subscriptions of the open quote connections as <c>topic:symbol</c>, each once, in ordinal order.</summary>
    public IReadOnlyList<string> QuoteSubscriptions()
    {
        lock (gate)
        {
            return [.. quoteSockets.Open().SelectMany(s => s.Subscriptions).Select(s => s.Topic + ":" + s.Symbol).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Fault: closes every quote connection normally; returns how many.</summary>
    public int CloseQuoteStreams()
    {
        lock (gate)
        {
            var open = quoteSockets.Open();
            open.ForEach(s => s.Close());
            return open.Count;
        }
    }

    private async Task HandleQuoteStreamAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Toobit quote WebSocket simulator: connect with a WebSocket client.", context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { DangerousEnableCompression = false, KeepAliveInterval = TimeSpan.Zero });
        var session = quoteSockets.Add(id => new ToobitQuoteSession(id, socket, time.GetUtcNow()));
        lock (gate)
        {
            quoteConnectionsAccepted++;
        }

        await quoteSockets.RunAsync(session, OnQuoteText, (s, e) => ToobitLog.StreamEnded(logger, s.Id, e.Message));
    }

    /// <summary>Under the lock: one client message.</summary>
    private void OnQuoteText(ToobitQuoteSession session, ReadOnlySpan<byte> frame)
    {
        var now = time.GetUtcNow();
        session.LastHeardAt = now;
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(frame));
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            session.Send(QuoteError("-10001", "Invalid JSON!"));
            return;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            session.Send(QuoteError("-10001", "Invalid JSON!"));
            return;
        }

        if (root.TryGetProperty("ping", out var ping))
        {
            quotePings++;
            if (answerQuotePings)
            {
                session.Send("{\"pong\":" + ping.GetRawText() + "}");
            }

            return;
        }

        var @event = Str(root, "event");
        if (@event == "cancel_all")
        {
            session.Subscriptions.Clear();
            return;
        }

        if (@event is not ("sub" or "cancel"))
        {
            session.Send(QuoteError("-10002", "Invalid event!"));
            return;
        }

        var topic = Str(root, "topic") ?? string.Empty;
        if (!QuoteTopics.Contains(topic) && !(topic.StartsWith("kline_", StringComparison.Ordinal) && KlineIntervals.ContainsKey(topic["kline_".Length..])))
        {
            session.Send(QuoteError("-10004", "Invalid topic!"));
            return;
        }

        var symbols = (Str(root, "symbol") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (symbols.Length == 0 || symbols.Any(s => market.Quote(s) is null))
        {
            session.Send(QuoteError("-100010", "Invalid Symbols!"));
            return;
        }

        foreach (var symbol in symbols)
        {
            if (@event == "cancel")
            {
                session.Subscriptions.Remove((topic, symbol));
                continue;
            }

            session.Subscriptions.Add((topic, symbol));
            if (FirstQuotePush(topic, symbol, now) is { } first)
            {
                session.Send(first);
            }
        }
    }

    private static string? Str(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string QuoteError(string code, string desc) => new JsonObject { ["code"] = code, ["desc"] = desc }.ToJsonString();
}
