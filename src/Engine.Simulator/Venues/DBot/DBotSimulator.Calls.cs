using System.Text.Json;
using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.DBot;

/// <summary>The methods of §2.3, shared by the WebSocket and REST; the per-account rate limits; parameter helpers.</summary>
public sealed partial class DBotSimulator
{
    private const int MaxPageSize = 20;

    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal)
    {
        "createOrUpdateFollowOrder", "updateFollowOrder", "batchToggleFollowOrder", "batchUpdateFollowOrder", "deleteFollowOrders",
        "listFollowOrders", "listPnlOrdersFromFollowOrder", "createSwapOrder", "getSwapOrder", "getSwapOrders",
        "listPnlOrdersFromSwapOrder", "createLimitOrder", "updateLimitOrder", "listLimitOrders", "deleteLimitOrders",
        "deleteAllLimitOrders",
    };

    private static bool IsMethod(string method) => Methods.Contains(method);

    /// <summary>Executes one call under the lock; throws <see cref="DBotCallException"/> for a refused call (nothing applied).</summary>
    private DBotOutcome Call(DBotAccountState account, string method, JsonObject p, DateTimeOffset now)
    {
        ChargeRate(account, method, now);
        var outcome = method switch
        {
            "createOrUpdateFollowOrder" => CreateOrUpdateFollowOrder(account, p, now),
            "updateFollowOrder" => ToggleFollowOrders(account, [RequireString(p, "id")], RequireBool(p, "enabled"), ClosePnl(p)),
            "batchToggleFollowOrder" => ToggleFollowOrders(account, RequireIds(p, "ids"), RequireBool(p, "enabled"), ClosePnl(p)),
            "batchUpdateFollowOrder" => ChangeWallet(account, RequireIds(p, "ids"), RequireString(p, "walletId"), now),
            "deleteFollowOrders" => DeleteFollowOrders(account, DeleteIds(p), OptionalBool(p, "deletePnlOrder") ?? false),
            "listFollowOrders" => new DBotOutcome(Page(account.FollowOrders.Where(o => Matches(o, "chain", p)), p), []),
            "listPnlOrdersFromFollowOrder" => new DBotOutcome(Page(PnlOrders(account, "follow_order", p), p), []),
            "listPnlOrdersFromSwapOrder" => new DBotOutcome(Page(PnlOrders(account, "swap_order", p), p), []),
            "createSwapOrder" => CreateSwapOrder(account, p, now),
            "getSwapOrder" => new DBotOutcome(Swap(account, RequireString(p, "orderId")).DeepClone(), []),
            "getSwapOrders" => new DBotOutcome(new JsonArray([.. RequireIds(p, "ids").Select(id => Swap(account, id).DeepClone())]), []),
            "createLimitOrder" => CreateLimitOrder(account, p, now),
            "updateLimitOrder" => UpdateLimitOrder(account, p),
            "listLimitOrders" => new DBotOutcome(Page(account.LimitOrders.Where(o => Matches(o, "chain", p) && Matches(o, "state", p) && Matches(o, "groupId", p) && Matches(o, "token", p)), p), []),
            "deleteLimitOrders" => DeleteLimitOrders(account, RequireIds(p, "ids")),
            "deleteAllLimitOrders" => DeleteAllLimitOrders(account),
            _ => throw new DBotCallException($"unknown method '{method}'"),
        };
        DBotLog.Call(logger, account.Id, method, outcome.Res is null ? "ok" : "answered");
        return outcome;
    }

    /// <summary>Per-account limits of the tier (§1.1), on clock-aligned minutes; only when enforcement is on.</summary>
    private void ChargeRate(DBotAccountState account, string method, DateTimeOffset now)
    {
        if (!venue.EnforceRateLimits)
        {
            return;
        }

        var minute = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        if (account.RateWindow != minute)
        {
            account.RateWindow = minute;
            account.TradingCalls = 0;
            account.LimitCreations = 0;
        }

        var (trading, limits) = venue.Tier == 2 ? (1500, 150) : (600, 60);
        if (account.TradingCalls >= trading)
        {
            throw new DBotCallException($"rate limit exceeded: {trading} trading API calls per minute (tier {venue.Tier})");
        }

        if (method == "createLimitOrder" && account.LimitCreations >= limits)
        {
            throw new DBotCallException($"rate limit exceeded: {limits} limit-order creations per minute (tier {venue.Tier})");
        }

        account.TradingCalls++;
        if (method == "createLimitOrder")
        {
            account.LimitCreations++;
        }
    }

    /// <summary>0-based <c>page</c>, <c>size</c> capped at 20 (default 20).</summary>
    private static JsonArray Page(IEnumerable<JsonObject> items, JsonObject p)
    {
        var page = OptionalInt(p, "page") ?? 0;
        var size = OptionalInt(p, "size") ?? MaxPageSize;
        if (page < 0 || size < 1)
        {
            throw new DBotCallException($"invalid paging: page {page} must be 0 or more and size {size} at least 1");
        }

        size = Math.Min(size, MaxPageSize);
        return new JsonArray([.. items.Skip(page * size).Take(size).Select(o => o.DeepClone())]);
    }

    private static bool Matches(JsonObject item, string key, JsonObject p) =>
        p[key] is not JsonValue v || v.GetValueKind() != JsonValueKind.String || v.GetValue<string>().Length == 0
        || (item[key] is JsonValue iv && iv.GetValueKind() == JsonValueKind.String && iv.GetValue<string>() == v.GetValue<string>());

    private static string RequireString(JsonObject p, string key) =>
        p[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s
            ? s
            : throw new DBotCallException($"'{key}' is required: a non-empty string");

    private static bool RequireBool(JsonObject p, string key) =>
        OptionalBool(p, key) ?? throw new DBotCallException($"'{key}' is required: true or false");

    private static bool? OptionalBool(JsonObject p, string key) => p[key] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    private static int? OptionalInt(JsonObject p, string key) =>
        p[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) ? i
        : p[key] is JsonValue s && s.GetValueKind() == JsonValueKind.String && int.TryParse(s.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out var j) ? j
        : p[key] is null ? null
        : throw new DBotCallException($"'{key}' must be an integer");

    /// <summary><c>closePnlOrder</c>: a boolean or the strings <c>"true"</c>/<c>"false"</c> (the seed sends a string); default false; anything else is refused.</summary>
    private static bool ClosePnl(JsonObject p) => p["closePnlOrder"] switch
    {
        null => false,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == "true" => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == "false" => false,
        var other => throw new DBotCallException($"closePnlOrder must be true or false (a boolean, or the string \"true\"/\"false\"), not {other.ToJsonString()}"),
    };

    private static List<string> RequireIds(JsonObject p, string key)
    {
        if (p[key] is not JsonArray array || array.Count == 0)
        {
            throw new DBotCallException($"'{key}' is required: a non-empty array of task ids");
        }

        return [.. array.Select(item => item is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw new DBotCallException($"'{key}' must contain only task id strings"))];
    }

    /// <summary><c>deleteFollowOrders</c> takes <c>ids</c>; an array under <c>id</c> is accepted as the English page's legacy spelling.</summary>
    private static List<string> DeleteIds(JsonObject p) => p["ids"] is not null || p["id"] is not JsonArray ? RequireIds(p, "ids") : RequireIds(p, "id");

    /// <summary>Batch rule: every id must be known, or the call is refused listing the unknown ones and nothing is applied.</summary>
    private static List<JsonObject> Known(List<JsonObject> store, List<string> ids, string what)
    {
        var found = ids.Select(id => store.FirstOrDefault(o => (string?)o["id"] == id)).ToList();
        var unknown = ids.Where((_, i) => found[i] is null).ToList();
        if (unknown.Count > 0)
        {
            throw new DBotCallException($"unknown {what} id(s): {string.Join(", ", unknown)}; nothing was changed");
        }

        return found!;
    }
}
