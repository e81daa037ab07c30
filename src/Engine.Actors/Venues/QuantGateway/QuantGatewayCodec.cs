using System.Buffers;
using System.Text.Json;
using Engine.Messages.Wire;

namespace Engine.Actors.Venues.QuantGateway;

/// <summary>
/// Pure encode/decode of quant gateway frames (one JSON object per text frame), in both directions so the
/// simulator can share it. Decoding is lenient where the real server is (ints and floats mixed, exponents,
/// numbers inside strings, <c>\uXXXX</c>, the documented nulls) and never throws: anything it cannot read (text that
/// is not UTF-8 or holds a lone surrogate escape included, <see cref="WireText"/>; a number too large for its field)
/// becomes <see cref="QuantGatewayWire.Unknown"/> with a reason. Field names are case-sensitive.
/// Stateless and thread-safe.
/// </summary>
public static partial class QuantGatewayCodec
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = false };

    /// <summary>Decodes one frame received at <paramref name="receivedAt"/>.</summary>
    public static QuantGatewayFrame Decode(ReadOnlySpan<byte> utf8, DateTimeOffset receivedAt)
    {
        if (WireText.Problem(utf8) is { } problem)
        {
            return new QuantGatewayWire.Unknown(null, problem) { ReceivedAt = receivedAt };
        }

        PooledJsonDocument document;
        try
        {
            document = PooledJsonDocument.Parse(utf8);
        }
        catch (JsonException ex)
        {
            return new QuantGatewayWire.Unknown(null, $"not JSON: {ex.Message}") { ReceivedAt = receivedAt };
        }

        using (document)
        {
            return Decode(document.RootElement, receivedAt);
        }
    }

    private static QuantGatewayFrame Decode(JsonElement root, DateTimeOffset receivedAt)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new QuantGatewayWire.Unknown(null, $"a frame must be a JSON object, not {root.ValueKind}") { ReceivedAt = receivedAt };
        }

        string? op = root.TryGetProperty("op"u8, out var opElement) && opElement.ValueKind == JsonValueKind.String ? opElement.GetString() : null;
        if (op is null)
        {
            return new QuantGatewayWire.Unknown(null, "no string 'op'") { ReceivedAt = receivedAt };
        }

        try
        {
            return DecodeObject(op, root, receivedAt);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or InvalidOperationException)
        {
            return new QuantGatewayWire.Unknown(op, ex.Message) { ReceivedAt = receivedAt };
        }
    }

    /// <summary>
    /// Encodes <paramref name="frame"/> as one compact JSON object. Throws <see cref="ArgumentException"/>
    /// for <see cref="QuantGatewayWire.Unknown"/>, which has no wire form.
    /// </summary>
    public static void Encode(QuantGatewayFrame frame, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        WriteBody(frame, writer);
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>Encodes into a new array (tests, logging of outgoing frames without secrets excluded).</summary>
    public static byte[] EncodeToArray(QuantGatewayFrame frame)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Encode(frame, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
