using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Engine.Actors.Venues.QuantGateway;

/// <remarks>
/// Field names are UTF-8 literals: the document compares them as they are, without transcoding a name per lookup. A
/// name becomes text only for an error message.
/// </remarks>
public static partial class QuantGatewayCodec
{
    private static JsonElement Required(JsonElement e, ReadOnlySpan<byte> name)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"expected an object holding '{Text(name)}', got {e.ValueKind}");
        }

        return e.TryGetProperty(name, out var v) ? v : throw new FormatException($"missing field '{Text(name)}'");
    }

    private static bool TryOptional(JsonElement e, ReadOnlySpan<byte> name, out JsonElement value)
    {
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    private static string Text(ReadOnlySpan<byte> name) => Encoding.UTF8.GetString(name);

    private static string String(JsonElement e, ReadOnlySpan<byte> name) => AsString(Required(e, name), name);

    private static string? OptionalString(JsonElement e, ReadOnlySpan<byte> name) => TryOptional(e, name, out var v) ? AsString(v, name) : null;

    private static string AsString(JsonElement v, ReadOnlySpan<byte> name) => v.ValueKind == JsonValueKind.String
        ? v.GetString()!
        : throw new FormatException($"field '{Text(name)}' must be a string, not {v.ValueKind}");

    /// <summary>The cid as text: a string as is, another JSON value as its raw text; null when absent or null.</summary>
    private static string? Cid(JsonElement e) => TryOptional(e, "cid"u8, out var v)
        ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
        : null;

    private static bool Bool(JsonElement e, ReadOnlySpan<byte> name) => Required(e, name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        var kind => throw new FormatException($"field '{Text(name)}' must be true or false, not {kind}"),
    };

    private static JsonElement ArrayOf(JsonElement v, string name) => v.ValueKind == JsonValueKind.Array
        ? v
        : throw new FormatException($"field '{name}' must be a list, not {v.ValueKind}");

    private static decimal Decimal(JsonElement e, ReadOnlySpan<byte> name) => AsDecimal(Required(e, name), name);

    private static decimal? OptionalDecimal(JsonElement e, ReadOnlySpan<byte> name) => TryOptional(e, name, out var v) ? AsDecimal(v, name) : null;

    private static long? OptionalLong(JsonElement e, ReadOnlySpan<byte> name) =>
        TryOptional(e, name, out var v) ? (long)decimal.Truncate(AsDecimal(v, name)) : null;

    /// <summary>Ints, floats, exponents (<c>1e-08</c>) and numbers inside strings (<c>"0.5"</c>).</summary>
    private static decimal AsDecimal(JsonElement v, ReadOnlySpan<byte> name)
    {
        if (v.ValueKind == JsonValueKind.Number)
        {
            if (v.TryGetDecimal(out var d))
            {
                return d;
            }
        }
        else if (v.ValueKind == JsonValueKind.String
            && decimal.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
        {
            return s;
        }

        throw new FormatException($"field '{Text(name)}' must be a number, got {v.GetRawText()}");
    }
}
