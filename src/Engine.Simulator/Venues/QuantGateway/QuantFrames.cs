using System.Text.Json;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>Builders of the gateway's frame shapes, fields in the real server's order. Pure.</summary>
internal static class QuantFrames
{
    /// <summary>
    /// Starts a reply to a request, left open for the op's own fields (close it with <see cref="QuantJsonWriter.EndObject"/>);
    /// <paramref name="cid"/> is the request's cid element (echoed as is) or null for <c>""</c>.
    /// </summary>
    public static QuantJsonWriter StartReply(bool python, string op, JsonElement? cid, bool result, string error) =>
        QuantJsonWriter.Start(python).StartObject()
            .Name("op").String(op)
            .Name("cid").Cid(cid)
            .Name("result").Bool(result)
            .Name("error_message").String(error);

    /// <summary>A reply with no fields of its own.</summary>
    public static byte[] Reply(bool python, string op, JsonElement? cid, bool result, string error) =>
        StartReply(python, op, cid, result, error).EndObject().ToFrame();

    public static byte[] State(bool python, string token, int code, string message) =>
        QuantJsonWriter.Start(python).StartObject()
            .Name("op").String("state")
            .Name("token").String(token)
            .Name("code").Number(code)
            .Name("msg").String(message)
            .EndObject().ToFrame();

    /// <summary>Starts a notification, its data object left to the caller (close the data object, then this one).</summary>
    public static QuantJsonWriter StartNotify(bool python, string topic, string token) =>
        QuantJsonWriter.Start(python).StartObject()
            .Name("op").String("notify")
            .Name("topic").String(topic)
            .Name("token").String(token)
            .Name("data");

    public static byte[] Error(bool python, string message) =>
        QuantJsonWriter.Start(python).StartObject()
            .Name("op").String("error")
            .Name("error_message").String(message)
            .EndObject().ToFrame();

    public static byte[] Pong(bool python, JsonElement ts) =>
        QuantJsonWriter.Start(python).StartObject()
            .Name("op").String("pong")
            .Name("ts").Echo(ts)
            .EndObject().ToFrame();

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
