using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.Binance;

/// <summary>A request fails with an error response <c>{status, error:{code, msg[, data]}}</c>. Messages never contain secrets.</summary>
public sealed class BinanceRequestException : Exception
{
    /// <summary>Creates the error.</summary>
    public BinanceRequestException(int status, int code, string message, JsonObject? data = null)
        : base(message)
    {
        Status = status;
        Code = code;
        ErrorData = data;
    }

    /// <summary>Creates an empty error (400, -1000).</summary>
    public BinanceRequestException()
        : this(400, -1000, "An unknown error occurred while processing the request.")
    {
    }

    /// <summary>Creates an error (400, -1000) with a message.</summary>
    public BinanceRequestException(string message)
        : this(400, -1000, message)
    {
    }

    /// <summary>Creates an error (400, -1000) with a message and a cause.</summary>
    public BinanceRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
        Code = -1000;
    }

    /// <summary>HTTP-like status.</summary>
    public int Status { get; }

    /// <summary>Binance error code.</summary>
    public int Code { get; }

    /// <summary>Optional <c>error.data</c>.</summary>
    public JsonObject? ErrorData { get; }

    /// <summary>-1102 for a missing or malformed mandatory parameter.</summary>
    public static BinanceRequestException Mandatory(string name) =>
        new(400, -1102, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    /// <summary>-1100 for a parameter that is not a decimal number.</summary>
    public static BinanceRequestException IllegalDecimal(string name) =>
        new(400, -1100, $"Illegal characters found in parameter '{name}'; legal range is '^([0-9]{{1,20}})(\\.[0-9]{{1,20}})?$'.");

    /// <summary>-2015 (status 400): unknown key or no permission for this request; revocation of a logged-on session uses 401 with a null id instead.</summary>
    public static BinanceRequestException InvalidKey() => new(400, -2015, "Invalid API-key, IP, or permissions for action.");

    /// <summary>-1022: the signature does not verify.</summary>
    public static BinanceRequestException BadSignature() => new(400, -1022, "Signature for this request is not valid.");

    /// <summary>-1013 filter failure.</summary>
    public static BinanceRequestException Filter(string filter) => new(400, -1013, $"Filter failure: {filter}");

    /// <summary>-2010 new order rejected.</summary>
    public static BinanceRequestException OrderRejected(string message) => new(400, -2010, message);
}
