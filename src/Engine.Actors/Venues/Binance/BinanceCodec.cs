using System.Buffers;
using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using W = Engine.Actors.Venues.Binance.BinanceWire;
using Engine.Messages.Wire;

namespace Engine.Actors.Venues.Binance;

/// <summary>
/// Pure encode/decode of Binance WebSocket API frames (one JSON object per text frame), in both directions so
/// the simulator can share it. A frame with <c>event</c> is a push, one with <c>method</c> a request, one with
/// <c>status</c> a response. Decoding is case-sensitive, accepts decimals as strings or numbers and
/// <c>"N": null</c>, and never throws: anything unreadable (text that is not UTF-8 or holds a lone surrogate escape
/// included, <see cref="WireText"/>) becomes <see cref="BinanceWire.Unknown"/> with a
/// reason. Results are read into typed records by the <c>Read…</c> methods once the request is known.
/// Stateless and thread-safe.
/// </summary>
public static partial class BinanceCodec
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Decodes one frame received at <paramref name="receivedAt"/>.</summary>
    public static BinanceFrame Decode(ReadOnlySpan<byte> utf8, DateTimeOffset receivedAt)
    {
        if (WireText.Problem(utf8) is { } problem)
        {
            return new W.Unknown(problem) { ReceivedAt = receivedAt };
        }

        PooledJsonDocument document;
        try
        {
            document = PooledJsonDocument.Parse(utf8);
        }
        catch (JsonException ex)
        {
            return new W.Unknown($"not JSON: {ex.Message}") { ReceivedAt = receivedAt };
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new W.Unknown($"a frame must be a JSON object, not {root.ValueKind}") { ReceivedAt = receivedAt };
            }

            try
            {
                BinanceFrame frame = root.TryGetProperty("event", out var e) ? ReadEvent(root, e)
                    : root.TryGetProperty("method", out _) ? ReadRequest(root)
                    : root.TryGetProperty("status", out _) ? ReadResponse(root)
                    : new W.Unknown("neither 'event', 'method' nor 'status'");
                return frame with { ReceivedAt = receivedAt };
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
            {
                return new W.Unknown(ex.Message) { ReceivedAt = receivedAt };
            }
        }
    }

    /// <summary>
    /// Encodes <paramref name="frame"/> as one compact JSON object. Throws <see cref="ArgumentException"/> for
    /// <see cref="BinanceWire.Unknown"/> and <see cref="BinanceWire.OtherEvent"/>, which have no wire form here.
    /// </summary>
    public static void Encode(BinanceFrame frame, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        switch (frame)
        {
            case W.Request r:
                WriteRequest(r, writer);
                break;
            case W.Response r:
                WriteResponse(r, writer);
                break;
            case W.Event e and not W.OtherEvent:
                WriteEvent(e, writer);
                break;
            default:
                throw new ArgumentException($"{frame.GetType().Name} has no wire form", nameof(frame));
        }

        writer.Flush();
    }

    /// <summary>Encodes into a new array.</summary>
    public static byte[] EncodeToArray(BinanceFrame frame)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        Encode(frame, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static W.Request ReadRequest(JsonElement root)
    {
        var id = !root.TryGetProperty("id", out var idElement) ? throw new FormatException("a request needs an 'id'")
            : idElement.ValueKind == JsonValueKind.String ? idElement.GetString()!
            : idElement.GetRawText();
        var method = Str(root, "method");
        var parameters = ImmutableArray.CreateBuilder<W.Param>();
        var hasParams = root.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object;
        if (hasParams)
        {
            foreach (var property in p.EnumerateObject())
            {
                parameters.Add(property.Value.ValueKind switch
                {
                    JsonValueKind.String => new W.Param(property.Name, property.Value.GetString()!),
                    JsonValueKind.Number => new W.Param(property.Name, property.Value.GetRawText(), W.ParamKind.Number),
                    JsonValueKind.True or JsonValueKind.False => new W.Param(property.Name, property.Value.GetRawText(), W.ParamKind.Flag),
                    JsonValueKind.Array or JsonValueKind.Object => new W.Param(property.Name, property.Value.GetRawText(), W.ParamKind.Json),
                    _ => throw new FormatException($"param '{property.Name}' must not be null"),
                });
            }
        }

        return new W.Request(id, method, parameters.ToImmutable(), hasParams);
    }

    private static void WriteRequest(W.Request r, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", r.Id);
        writer.WriteString("method", r.Method);
        if (r.HasParams || r.Params.Length > 0)
        {
            writer.WriteStartObject("params");
            foreach (var p in r.Params)
            {
                writer.WritePropertyName(p.Name);
                switch (p.Kind)
                {
                    case W.ParamKind.Text:
                        writer.WriteStringValue(p.Value);
                        break;
                    default:
                        writer.WriteRawValue(p.Value);
                        break;
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static W.Response ReadResponse(JsonElement root)
    {
        var (id, kind) = root.TryGetProperty("id", out var idElement)
            ? idElement.ValueKind switch
            {
                JsonValueKind.String => (idElement.GetString(), W.IdKind.Text),
                JsonValueKind.Number => (idElement.GetRawText(), W.IdKind.Number),
                JsonValueKind.Null => ((string?)null, W.IdKind.Null),
                _ => throw new FormatException("'id' must be a string, a number or null"),
            }
            : (null, W.IdKind.Null);

        JsonElement? result = root.TryGetProperty("result", out var r) && r.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? r.Clone()
            : root.TryGetProperty("response", out var legacy) && legacy.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? legacy.Clone() : null;

        W.Error? error = null;
        if (root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object)
        {
            long? serverTime = null, retryAfter = null;
            if (e.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                serverTime = OptLong(data, "serverTime");
                retryAfter = OptLong(data, "retryAfter");
            }

            error = new W.Error((int)Long(e, "code"), OptStr(e, "msg") ?? string.Empty, serverTime, retryAfter);
        }

        return new W.Response(id, kind, (int)Long(root, "status"), result, error, ReadRateLimits(root, "rateLimits"), OptLong(root, "retryAfter"));
    }

    private static void WriteResponse(W.Response r, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        switch (r.IdKind)
        {
            case W.IdKind.Text:
                writer.WriteString("id", r.Id);
                break;
            case W.IdKind.Number:
                writer.WritePropertyName("id");
                writer.WriteRawValue(r.Id ?? "0");
                break;
            default:
                writer.WriteNull("id");
                break;
        }

        writer.WriteNumber("status", r.Status);
        if (r.Result is { } result)
        {
            writer.WritePropertyName("result");
            result.WriteTo(writer);
        }

        if (r.Error is { } error)
        {
            writer.WriteStartObject("error");
            writer.WriteNumber("code", error.Code);
            writer.WriteString("msg", error.Msg);
            if (error.ServerTime is not null || error.RetryAfter is not null)
            {
                writer.WriteStartObject("data");
                WriteOptional(writer, "serverTime", error.ServerTime);
                WriteOptional(writer, "retryAfter", error.RetryAfter);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        WriteOptional(writer, "retryAfter", r.RetryAfter);
        if (!r.RateLimits.IsDefaultOrEmpty)
        {
            WriteRateLimits(writer, "rateLimits", r.RateLimits);
        }

        writer.WriteEndObject();
    }

    private static ImmutableArray<W.RateLimit> ReadRateLimits(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. array.EnumerateArray().Select(l => new W.RateLimit(
            Str(l, "rateLimitType"), Str(l, "interval"), (int)Long(l, "intervalNum"), (int)Long(l, "limit"), (int?)OptLong(l, "count")))];
    }

    private static void WriteRateLimits(Utf8JsonWriter writer, string name, ImmutableArray<W.RateLimit> limits)
    {
        writer.WriteStartArray(name);
        foreach (var l in limits)
        {
            writer.WriteStartObject();
            writer.WriteString("rateLimitType", l.RateLimitType);
            writer.WriteString("interval", l.Interval);
            writer.WriteNumber("intervalNum", l.IntervalNum);
            writer.WriteNumber("limit", l.Limit);
            WriteOptional(writer, "count", l.Count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
