using System.Text.Json;
using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>Builders of the gateway's frame shapes, fields in the real server's order. Pure.</summary>
internal static class QuantFrames
{
    /// <summary>Reply to a request; <paramref name="cid"/> is the request's cid element (echoed as is) or null for <c>""</c>.</summary>
    public static JsonObject Reply(string op, JsonElement? cid, bool result, string error) => new()
    {
        ["op"] = op,
        ["cid"] = cid is { } c ? Echo(c) : JsonValue.Create(string.Empty),
        ["result"] = result,
        ["error_message"] = error,
    };

    public static JsonObject State(string token, int code, string message) => new()
    {
        ["op"] = "state",
        ["token"] = token,
        ["code"] = code,
        ["msg"] = message,
    };

    public static JsonObject Notify(string topic, string token, JsonNode data) => new()
    {
        ["op"] = "notify",
        ["topic"] = topic,
        ["token"] = token,
        ["data"] = data,
    };

    public static JsonObject Error(string message) => new()
    {
        ["op"] = "error",
        ["error_message"] = message,
    };

    public static JsonObject Pong(JsonElement ts) => new()
    {
        ["op"] = "pong",
        ["ts"] = Echo(ts),
    };

    /// <summary>A request value to echo; the writer reproduces its exact JSON text.</summary>
    public static JsonNode? Echo(JsonElement value) => JsonNode.Parse(value.GetRawText());

    /// <summary>Python type name of a JSON value, as in TypeError texts.</summary>
    public static string PythonType(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => "str",
        JsonValueKind.Number => e.TryGetInt64(out _) && !e.GetRawText().Contains('.', StringComparison.Ordinal) && !e.GetRawText().Contains('e', StringComparison.OrdinalIgnoreCase) ? "int" : "float",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "list",
        JsonValueKind.Object => "dict",
        _ => "NoneType",
    };
}
