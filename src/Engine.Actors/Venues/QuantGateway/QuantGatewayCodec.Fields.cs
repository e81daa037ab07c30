using System.Globalization;
using System.Text.Json;

namespace Engine.Actors.Venues.QuantGateway;

public static partial class QuantGatewayCodec
{
    private static JsonElement Required(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"expected an object holding '{name}', got {e.ValueKind}");
        }

        return e.TryGetProperty(name, out var v) ? v : throw new FormatException($"missing field '{name}'");
    }

    private static bool TryOptional(JsonElement e, string name, out JsonElement value)
    {
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    private static string String(JsonElement e, string name) => AsString(Required(e, name), name);

    private static string? OptionalString(JsonElement e, string name) => TryOptional(e, name, out var v) ? AsString(v, name) : null;

    private static string AsString(JsonElement v, string name) => v.ValueKind == JsonValueKind.String
        ? v.GetString()!
        : throw new FormatException($"field '{name}' must be a string, not {v.ValueKind}");

    /// <summary>The cid as text: a string as is, another JSON value as its raw text; null when absent or null.</summary>
    private static string? Cid(JsonElement e) => TryOptional(e, "cid", out var v)
        ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
        : null;

    private static bool Bool(JsonElement e, string name) => Required(e, name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        var kind => throw new FormatException($"field '{name}' must be true or false, not {kind}"),
    };

    private static JsonElement Array(JsonElement e, string name) => ArrayOf(Required(e, name), name);

    private static JsonElement ArrayOf(JsonElement v, string name) => v.ValueKind == JsonValueKind.Array
        ? v
        : throw new FormatException($"field '{name}' must be a list, not {v.ValueKind}");

    private static decimal Decimal(JsonElement e, string name) => AsDecimal(Required(e, name), name);

    private static decimal? OptionalDecimal(JsonElement e, string name) => TryOptional(e, name, out var v) ? AsDecimal(v, name) : null;

    private static long? OptionalLong(JsonElement e, string name) =>
        TryOptional(e, name, out var v) ? (long)decimal.Truncate(AsDecimal(v, name)) : null;

    /// <summary>Ints, floats, exponents (<c>1e-08</c>) and numbers inside strings (<c>"0.5"</c>).</summary>
    private static decimal AsDecimal(JsonElement v, string name)
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

        throw new FormatException($"field '{name}' must be a number, got {v.GetRawText()}");
    }
}
