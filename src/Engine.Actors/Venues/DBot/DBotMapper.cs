using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Engine.Messages;
using Engine.Messages.Identifiers;
using Engine.Messages.Tasks;

namespace Engine.Actors.Venues.DBot;

/// <summary>
/// DBot wire ↔ Engine.Messages: trade results to typed events (success or failure decided only from <c>state</c>;
/// amounts in base units as <see cref="BigInteger"/>; numbers or numeric strings accepted for prices; <c>timestamp</c>
/// below 1e12 read as seconds), listed follow orders, and the task commands as RPC params. Pure and thread-safe.
/// </summary>
public static partial class DBotMapper
{
    /// <summary>True for the <c>state</c>s that end a trade (<c>done</c>, <c>fail</c>, <c>expired</c>); <c>init</c>/<c>processing</c> are progress.</summary>
    public static bool IsFinal(string? state) => state is "done" or "fail" or "expired";

    /// <summary>
    /// One trade result body (<c>result</c> of <c>tradeResultNotify</c>) in a final state as <see cref="TradeSucceeded"/>
    /// (<c>done</c>) or <see cref="TradeFailed"/> (<c>fail</c>, <c>expired</c>); an error naming the missing or malformed
    /// field otherwise. <c>type</c> is carried as information only.
    /// </summary>
    public static Mapped<IEngineEvent> TradeResult(LoginId login, JsonElement result, DateTimeOffset receivedAt)
    {
        var id = Text(result, "id");
        var state = Text(result, "state");
        if (id is null || state is null)
        {
            return new(null, $"DBot trade result without id or state: {Short(result)}");
        }

        var taskId = id.Split('_', 2)[0];
        var source = Text(result, "source") ?? string.Empty;
        var subSource = Text(result, "subSource");
        var chain = Text(result, "chain") ?? string.Empty;
        var side = Text(result, "type") ?? string.Empty;
        var token = Text(result, "token") ?? string.Empty;
        var wallet = Text(result, "wallet") ?? string.Empty;
        var createdAt = Number(result, "createAt") is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : receivedAt;
        switch (state)
        {
            case "fail" or "expired":
                return new(new TradeFailed(login, createdAt, id, taskId, source, subSource, chain, side, token, wallet, Text(result, "errorCode") ?? state, Text(result, "errorMessage") ?? string.Empty), null);
            case "done":
                break;
            default:
                return new(null, $"DBot trade result {id} in state '{state}' is not final");
        }

        if (!TryLeg(result, "send", out var sendToken, out var sendAmount, out var sendDecimals) || !TryLeg(result, "receive", out var receiveToken, out var receiveAmount, out var receiveDecimals))
        {
            return new(null, $"DBot trade result {id} is done but its send/receive amounts are unreadable: {Short(result)}");
        }

        var executedAt = Number(result, "timestamp") is { } ts ? Normalise(ts) : createdAt;
        return new(
            new TradeSucceeded(
                login, executedAt, id, taskId, source, subSource, chain, side, token, Text(result, "symbol") ?? string.Empty, wallet,
                sendToken, sendAmount, sendDecimals, receiveToken, receiveAmount, receiveDecimals,
                Number(result, "priceUsd") ?? 0m, BaseUnits(result, "dbotFee") ?? BigInteger.Zero, (long)(Number(result, "block") ?? 0m),
                Text(result, "hash") ?? string.Empty, executedAt),
            null);
    }

    /// <summary>A venue time: below 1e12 it is seconds, otherwise milliseconds (DBot's examples use seconds for <c>timestamp</c>).</summary>
    public static DateTimeOffset Normalise(decimal value) => value < 1_000_000_000_000m
        ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value * 1000m))
        : DateTimeOffset.FromUnixTimeMilliseconds((long)value);

    /// <summary>The follow orders of a <c>listFollowOrders</c> page (its <c>res</c> array); an error naming what is wrong otherwise.</summary>
    public static Mapped<IReadOnlyList<FollowOrder>> FollowOrders(string? resJson)
    {
        if (resJson is null)
        {
            return new(null, "listFollowOrders answered without res");
        }

        using var document = JsonDocument.Parse(resJson);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return new(null, $"listFollowOrders res is not an array: {Short(document.RootElement)}");
        }

        var orders = new List<FollowOrder>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (Text(item, "id") is not { } id)
            {
                return new(null, $"a listed follow order has no id: {Short(item)}");
            }

            var targets = item.TryGetProperty("targetIds", out var t) && t.ValueKind == JsonValueKind.Array
                ? t.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToImmutableArray()
                : [];
            orders.Add(new FollowOrder(
                id,
                Text(item, "name") ?? string.Empty,
                Text(item, "chain") ?? string.Empty,
                item.TryGetProperty("enabled", out var e) && e.ValueKind == JsonValueKind.True,
                Text(item, "walletId") ?? string.Empty,
                targets,
                item.GetRawText()));
        }

        return new(orders, null);
    }

    /// <summary>A <c>getSwapOrder</c> result (<c>res</c> object) for <paramref name="login"/>; an error naming what is wrong otherwise.</summary>
    public static Mapped<SwapReported> Swap(LoginId login, string? resJson, DateTimeOffset receivedAt)
    {
        if (resJson is null)
        {
            return new(null, "getSwapOrder answered without res");
        }

        using var document = JsonDocument.Parse(resJson);
        var res = document.RootElement;
        if (res.ValueKind != JsonValueKind.Object || Text(res, "id") is not { } id || Text(res, "state") is not { } state)
        {
            return new(null, $"getSwapOrder res has no id or state: {Short(res)}");
        }

        return new(new SwapReported(login, receivedAt, id, state, Number(res, "txPriceUsd"), Text(res, "swapHash"), Text(res, "errorCode"), Text(res, "errorMessage")), null);
    }

    private static bool TryLeg(JsonElement result, string name, out string token, out BigInteger amount, out int decimals)
    {
        token = string.Empty;
        amount = BigInteger.Zero;
        decimals = 0;
        if (!result.TryGetProperty(name, out var leg) || leg.ValueKind != JsonValueKind.Object || BaseUnits(leg, "amount") is not { } units)
        {
            return false;
        }

        amount = units;
        if (leg.TryGetProperty("info", out var info) && info.ValueKind == JsonValueKind.Object)
        {
            token = Text(info, "contract") ?? string.Empty;
            decimals = Number(info, "decimals") is { } d ? (int)d : 0;
        }

        return true;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A JSON number or a numeric string (DBot sends both for UI amounts, percents and prices).</summary>
    private static decimal? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var d) => d,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
    }

    private static BigInteger? BaseUnits(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var units) ? units : null;
    }

    private static string Short(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
