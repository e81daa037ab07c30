using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Engine.Simulator.Venues.Binance;

/// <summary>
/// The public REST endpoints on the same port (market-data reference §1.6; what ccxt's <c>loadMarkets</c>,
/// <c>watchOrderBook</c> and <c>fetchTicker</c> call): <c>GET /api/v3/ping</c>, <c>/time</c>, <c>/exchangeInfo</c>,
/// <c>/depth</c>, <c>/trades</c>, <c>/ticker/bookTicker</c>, <c>/ticker/price</c> and <c>/ticker/24hr</c>. Each is
/// charged its weight against the IP's REQUEST_WEIGHT minute, shared with the WebSocket API as on Binance, and reports
/// it in <c>X-MBX-USED-WEIGHT-1M</c>; over the limit it answers 429 (-1003) with <c>Retry-After</c>, and a request
/// before that time bans the IP (418). Errors are Binance's <c>{"code","msg"}</c> bodies. Times are milliseconds.
/// </summary>
public sealed partial class BinanceSimulator
{
    private void MapRest(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v3/ping", c => RestAsync(c, _ => 1, (_, _) => new JsonObject()));
        endpoints.MapGet("/api/v3/time", c => RestAsync(c, _ => 1, (_, now) => new JsonObject { ["serverTime"] = now.ToUnixTimeMilliseconds() }));
        endpoints.MapGet("/api/v3/exchangeInfo", c => RestAsync(c, _ => 20, (q, now) => ExchangeInfo(RestSymbols(q), now.ToUnixTimeMilliseconds())));
        endpoints.MapGet("/api/v3/depth", c => RestAsync(c, q => DepthWeight(RestLimit(q, 100, BinanceStreamsLimits.MaxDepthLimit)), DepthRest));
        endpoints.MapGet("/api/v3/trades", c => RestAsync(c, _ => 25, (q, _) => RecentTrades(RestSymbol(q), RestLimit(q, 500, 1000))));
        endpoints.MapGet("/api/v3/ticker/bookTicker", c => RestAsync(c, q => q.ContainsKey("symbol") ? 2 : 4, (q, _) => BookTickers(RestSingle(q), RestSymbols(q))));
        endpoints.MapGet("/api/v3/ticker/price", c => RestAsync(c, q => q.ContainsKey("symbol") ? 2 : 4, (q, _) => PriceTickers(RestSingle(q), RestSymbols(q))));
        endpoints.MapGet("/api/v3/ticker/24hr", c => RestAsync(c, q => DayTickerWeight(q.ContainsKey("symbol"), RestSymbols(q).Count), (q, now) => DayTickers(RestSingle(q), RestSymbols(q), IsMini(q["type"].ToString()), now)));
    }

    /// <summary>Answers one REST request: charges <paramref name="weight"/>, then runs <paramref name="answer"/> under the lock.</summary>
    private async Task RestAsync(HttpContext context, Func<IQueryCollection, int> weight, Func<IQueryCollection, DateTimeOffset, JsonNode> answer)
    {
        var ip = (context.Connection.RemoteIpAddress ?? IPAddress.Loopback).ToString();
        var query = context.Request.Query;
        int status;
        string body;
        lock (gate)
        {
            var now = time.GetUtcNow();
            try
            {
                var decision = limiter.ChargeWeight(ip, weight(query), now);
                if (decision.Verdict != RateVerdict.Allowed)
                {
                    var seconds = Math.Max(1, (int)Math.Ceiling((decision.Until - now).TotalSeconds));
                    context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                    throw decision.Verdict == RateVerdict.Banned
                        ? new BinanceRequestException(418, -1003, $"Way too much request weight used; IP banned until {decision.Until.ToUnixTimeMilliseconds()}. Please use WebSocket Streams for live updates to avoid bans.")
                        : new BinanceRequestException(429, -1003, $"Too much request weight used; current limit is {limiter.Limits.WeightPerMinute} request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.");
                }

                body = BinanceJson.Write(answer(query, now));
                status = StatusCodes.Status200OK;
            }
            catch (BinanceRequestException ex)
            {
                body = BinanceJson.Write(new JsonObject { ["code"] = ex.Code, ["msg"] = ex.Message });
                status = ex.Status;
            }

            var used = limiter.Usage(ip, null, now).Single(u => u.Type == "REQUEST_WEIGHT").Count;
            context.Response.Headers["X-MBX-USED-WEIGHT-1M"] = used.ToString(CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    /// <summary><c>GET /api/v3/depth?symbol=&amp;limit=</c>: default 100 levels, at most 5,000.</summary>
    private JsonObject DepthRest(IQueryCollection query, DateTimeOffset now) =>
        DepthSnapshot(RestSymbol(query), RestLimit(query, 100, BinanceStreamsLimits.MaxDepthLimit));

    /// <summary>The mandatory <c>symbol</c> parameter, a symbol this venue lists (-1102 when missing, -1121 when unknown).</summary>
    private string RestSymbol(IQueryCollection query)
    {
        var symbol = query["symbol"].ToString();
        if (symbol.Length == 0)
        {
            throw BinanceRequestException.Mandatory("symbol");
        }

        return ListedSymbol(symbol);
    }

    /// <summary>The one listed <c>symbol</c> asked for, or null when none; -1128 when <c>symbols</c> comes with it.</summary>
    private string? RestSingle(IQueryCollection query)
    {
        if (!query.ContainsKey("symbol"))
        {
            return null;
        }

        return query.ContainsKey("symbols") ? throw new BinanceRequestException(400, -1128, "Combination of optional parameters invalid.") : RestSymbol(query);
    }

    /// <summary><c>symbol</c> and/or <c>symbols</c> (a JSON array, <c>["BTCUSDT","ETHUSDT"]</c>) of an optional symbol filter; empty = all.</summary>
    private static HashSet<string> RestSymbols(IQueryCollection query)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        if (query["symbol"].ToString() is { Length: > 0 } one)
        {
            wanted.Add(one);
        }

        if (query["symbols"].ToString() is { Length: > 0 } many)
        {
            var list = ParseSymbolList(many) ?? throw new BinanceRequestException(400, -1100, "Illegal characters found in parameter 'symbols'; legal range is '^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$'.");
            wanted.UnionWith(list);
        }

        return wanted;
    }

    /// <summary>A JSON array of strings, or null when <paramref name="text"/> is not one.</summary>
    private static List<string>? ParseSymbolList(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonArray array && array.All(n => n?.GetValueKind() == JsonValueKind.String)
                ? [.. array.Select(n => n!.GetValue<string>())]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The optional <c>limit</c>: <paramref name="fallback"/> when absent, clamped to <paramref name="max"/>; -1100 when not a positive integer.</summary>
    private static int RestLimit(IQueryCollection query, int fallback, int max)
    {
        var text = query["limit"].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1
            ? Math.Min(limit, max)
            : throw new BinanceRequestException(400, -1100, "Illegal characters found in parameter 'limit'; legal range is '^[0-9]{1,20}$'.");
    }
}
