using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.Binance;

/// <summary>
/// Wire JSON of the simulator: the response envelope and Binance's value conventions (decimals as strings with
/// 8 places, ids and times as integers). Built with <see cref="JsonObject"/>, property names case-sensitive and
/// written in insertion order. Pure and thread-safe.
/// </summary>
internal static class BinanceJson
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Binance decimal text: 8 places, never negative zero.</summary>
    public static string Dec(decimal value) => (value == 0m ? 0m : value).ToString("F8", CultureInfo.InvariantCulture);

    /// <summary>Serialises a node compactly with non-ASCII kept as is.</summary>
    public static string Write(JsonNode node) => node.ToJsonString(Compact);

    /// <summary>Success response; <paramref name="id"/> is echoed with its JSON type.</summary>
    public static string Success(JsonElement? id, JsonNode result, IReadOnlyList<RateLimitUsage>? rateLimits)
    {
        var o = new JsonObject { ["id"] = Id(id), ["status"] = 200, ["result"] = result };
        AddRateLimits(o, rateLimits);
        return Write(o);
    }

    /// <summary>Error response; <paramref name="id"/> is echoed with its JSON type.</summary>
    public static string Error(JsonElement? id, BinanceRequestException error, IReadOnlyList<RateLimitUsage>? rateLimits)
    {
        var body = new JsonObject { ["code"] = error.Code, ["msg"] = error.Message };
        if (error.ErrorData is not null)
        {
            body["data"] = error.ErrorData.DeepClone();
        }

        var o = new JsonObject { ["id"] = Id(id), ["status"] = error.Status, ["error"] = body };
        AddRateLimits(o, rateLimits);
        return Write(o);
    }

    /// <summary>An event frame: <c>{"subscriptionId":n,"event":{…}}</c>, or <c>{"event":{…}}</c> when <paramref name="subscriptionId"/> is null.</summary>
    public static string Event(int? subscriptionId, JsonObject payload)
    {
        var o = new JsonObject();
        if (subscriptionId is { } s)
        {
            o["subscriptionId"] = s;
        }

        o["event"] = payload;
        return Write(o);
    }

    private static JsonNode? Id(JsonElement? id) => id is { } e && e.ValueKind != JsonValueKind.Null ? JsonNode.Parse(e.GetRawText()) : null;

    private static void AddRateLimits(JsonObject o, IReadOnlyList<RateLimitUsage>? rateLimits)
    {
        if (rateLimits is null)
        {
            return;
        }

        var array = new JsonArray();
        foreach (var r in rateLimits)
        {
            array.Add(new JsonObject
            {
                ["rateLimitType"] = r.Type,
                ["interval"] = r.Interval,
                ["intervalNum"] = r.IntervalNum,
                ["limit"] = r.Limit,
                ["count"] = r.Count,
            });
        }

        o["rateLimits"] = array;
    }
}
