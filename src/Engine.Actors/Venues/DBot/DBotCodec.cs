using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Engine.Messages.Identifiers;
using Engine.Messages.Wire;

namespace Engine.Actors.Venues.DBot;

/// <summary>
/// DBot's trading WebSocket codec, one per login incarnation. Requests get monotonically increasing int64 ids (the
/// correlation key the connection chose is remembered per id); every incoming frame is routed by <c>method</c> first
/// (<c>rpcResponse</c>, <c>subscribeResponse</c>, <c>tradeResultNotify</c>, anything else a problem to log), then an
/// <c>rpcResponse</c> is matched by its id, number or numeric string. Never throws on input. Not thread-safe.
/// </summary>
/// <param name="login">The login whose trade results this codec decodes.</param>
/// <param name="lastId">The id before the first one this codec gives (0: ids start at 1).</param>
public sealed class DBotCodec(LoginId login, long lastId = 0) : IVenueCodec
{
    private readonly Dictionary<long, string> _keys = [];
    private long _lastId = lastId;

    /// <inheritdoc />
    public VenueId Venue { get; } = new("dbot");

    /// <summary>The login whose trade results this codec decodes.</summary>
    public LoginId Login { get; } = login;

    /// <inheritdoc />
    public Mapped<string> Encode(VenueRequest request, string correlationKey, IBufferWriter<byte> output)
    {
        if (request is not DBotVenueRequest rpc)
        {
            return new(null, $"DBot runs automation tasks, not exchange orders: {request.GetType().Name} has no DBot call");
        }

        var id = ++_lastId;
        _keys[id] = correlationKey;
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        writer.WriteString("method", rpc.Method);
        if (rpc.ParamsJson is { } parameters)
        {
            writer.WritePropertyName("params");
            writer.WriteRawValue(parameters);
        }

        writer.WriteEndObject();
        return new(rpc.Method, null);
    }

    /// <summary>Writes the subscription: <c>{"method":"subscribeTradeResults","tradeTypeFilter":[...]}</c>.</summary>
    public static void WriteSubscribe(IEnumerable<string> filter, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString("method", DBotWire.SubscribeTradeResults);
        writer.WriteStartArray("tradeTypeFilter");
        foreach (var type in filter)
        {
            writer.WriteStringValue(type);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public int WeightOf(VenueRequest request) => 1;

    /// <inheritdoc />
    public VenueInbound Decode(ReadOnlySpan<byte> utf8, DateTimeOffset receivedAt)
    {
        if (WireText.Problem(utf8) is { } problem)
        {
            return new VenueInbound { Problem = $"unreadable DBot frame: {problem}" };
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray());
        }
        catch (JsonException ex)
        {
            return new VenueInbound { Problem = $"unreadable DBot frame: {ex.Message}" };
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("method", out var m) || m.ValueKind != JsonValueKind.String)
            {
                return new VenueInbound { Problem = $"DBot frame without a method: {Truncate(root.GetRawText())}" };
            }

            return m.GetString() switch
            {
                DBotWire.RpcResponse => DecodeRpc(root),
                DBotWire.SubscribeResponse => new VenueInbound { ReplyPayload = new DBotSubscribeAck(Message(root)) },
                DBotWire.TradeResultNotify => DecodeTradeResult(root, receivedAt),
                var other => new VenueInbound { Problem = $"DBot frame with unknown method '{other}' ignored" },
            };
        }
    }

    /// <inheritdoc />
    public VenueReply MapReply(VenueInbound reply, VenueRequest request) =>
        reply.ReplyPayload as DBotRpcReply ?? (VenueReply)new UnreadableReply("DBot reply without a result");

    /// <summary>Forgets the ids of a dead socket (their replies can no longer come).</summary>
    public void Forget() => _keys.Clear();

    private VenueInbound DecodeRpc(JsonElement root)
    {
        if (!root.TryGetProperty("id", out var idElement) || !TryId(idElement, out var id))
        {
            return new VenueInbound { Problem = $"DBot rpcResponse without a usable id: {Truncate(root.GetRawText())}" };
        }

        if (!_keys.Remove(id, out var key))
        {
            return new VenueInbound { Problem = $"DBot rpcResponse for id {id}, which no pending call has (late or duplicate)" };
        }

        if (!root.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object
            || !result.TryGetProperty("err", out var err) || err.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return new VenueInbound { CorrelationKey = key, ReplyPayload = new DBotRpcReply(true, null, $"unreadable DBot result: {Truncate(root.GetRawText())}") };
        }

        var res = result.TryGetProperty("res", out var r) ? r.GetRawText() : null;
        return new VenueInbound { CorrelationKey = key, ReplyPayload = new DBotRpcReply(err.GetBoolean(), res, err.GetBoolean() ? ErrorText(result) : null) };
    }

    private VenueInbound DecodeTradeResult(JsonElement root, DateTimeOffset receivedAt)
    {
        if (!root.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object)
        {
            return new VenueInbound { Problem = $"DBot tradeResultNotify without a result object: {Truncate(root.GetRawText())}" };
        }

        if (result.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.String && !DBotMapper.IsFinal(state.GetString()))
        {
            return VenueInbound.Empty;
        }

        var mapped = DBotMapper.TradeResult(Login, result, receivedAt);
        return mapped.Value is { } trade
            ? new VenueInbound { BookEvents = [trade] }
            : new VenueInbound { Problem = mapped.Error };
    }

    /// <summary>
    /// ASSUMPTION (the error body of <c>err: true</c> is undocumented): the reason is <c>res</c> (a string, or its JSON),
    /// else <c>message</c> or <c>msg</c>.
    /// </summary>
    private static string ErrorText(JsonElement result)
    {
        if (result.TryGetProperty("res", out var res) && res.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            return res.ValueKind == JsonValueKind.String ? res.GetString()! : res.GetRawText();
        }

        foreach (var name in new[] { "message", "msg" })
        {
            if (result.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String)
            {
                return text.GetString()!;
            }
        }

        return "DBot answered err: true without a reason";
    }

    private static string Message(JsonElement root) =>
        root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object && result.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
            ? message.GetString()!
            : root.TryGetProperty("result", out var other) ? other.GetRawText() : string.Empty;

    private static bool TryId(JsonElement element, out long id)
    {
        id = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out id),
            JsonValueKind.String => long.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id),
            _ => false,
        };
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
