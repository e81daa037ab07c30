using System.Text.Json;

namespace Engine.Simulator.Venues.Binance;

/// <summary>One parsed request under handling; <see cref="OrderAccount"/> is set once an order-placing request is authenticated.</summary>
internal sealed class BinanceRequest(BinanceSession session, JsonElement? id, string method, JsonElement parameters, DateTimeOffset now)
{
    public BinanceSession Session { get; } = session;

    /// <summary>The request id as received (any JSON type), or null.</summary>
    public JsonElement? Id { get; } = id;

    /// <summary>Method without a <c>v3/</c> prefix.</summary>
    public string Method { get; } = method;

    /// <summary>The params object (an empty object when absent).</summary>
    public JsonElement Params { get; } = parameters;

    /// <summary>Server time of the request.</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary>Account whose ORDERS usage the response reports, or null.</summary>
    public string? OrderAccount { get; set; }

    public string? String(string name) =>
        Params.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        }
        : null;

    public string RequiredString(string name) => String(name) is { Length: > 0 } s ? s : throw BinanceRequestException.Mandatory(name);

    public bool Has(string name) => Params.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public decimal? Decimal(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d
            : throw BinanceRequestException.IllegalDecimal(name);
    }

    public long? Long(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var l)
            ? l
            : throw BinanceRequestException.Mandatory(name);
    }

    public bool? Bool(string name) =>
        Params.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(v.GetString(), out var b) => b,
            _ => null,
        }
        : null;
}
