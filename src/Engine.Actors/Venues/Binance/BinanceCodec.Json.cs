using System.Globalization;
using System.Text.Json;

namespace Engine.Actors.Venues.Binance;

public static partial class BinanceCodec
{
    /// <summary>
    /// A decimal as Binance expects it in request params: plain invariant notation, trailing zeros trimmed,
    /// never an exponent, never a negative zero (<c>0.01000000</c> → <c>0.01</c>, <c>100.0</c> → <c>100</c>).
    /// </summary>
    public static string FormatDecimal(decimal value) =>
        value == 0m ? "0" : (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>A decimal as received: invariant, with the scale it was parsed with (<c>0.00100000</c> stays).</summary>
    private static string Wire(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Str(JsonElement owner, string name) =>
        OptStr(owner, name) ?? throw new FormatException($"'{name}' is missing or null");

    private static string? OptStr(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new FormatException($"'{name}' must be a string, not {v.ValueKind}");
    }

    private static long Long(JsonElement owner, string name) =>
        OptLong(owner, name) ?? throw new FormatException($"'{name}' is missing or null");

    private static long? OptLong(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n
            : v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n) ? n
            : throw new FormatException($"'{name}' must be an integer, not {v.GetRawText()}");
    }

    private static decimal Dec(JsonElement owner, string name) =>
        OptDec(owner, name) ?? throw new FormatException($"'{name}' is missing or null");

    private static decimal? OptDec(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) ? d
            : v.ValueKind == JsonValueKind.String && decimal.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d) ? d
            : throw new FormatException($"'{name}' must be a decimal, not {v.GetRawText()}");
    }

    private static bool Bool(JsonElement owner, string name) =>
        OptBool(owner, name) ?? throw new FormatException($"'{name}' is missing or null");

    private static bool? OptBool(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException($"'{name}' must be a boolean, not {v.GetRawText()}"),
        };
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }
}
