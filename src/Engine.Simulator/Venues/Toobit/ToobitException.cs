using System.Globalization;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>A request refused with an HTTP status and a Toobit <c>{code,msg}</c> body (reference §6, §10.6).</summary>
internal sealed class ToobitException : Exception
{
    public ToobitException(int status, int code, string message, TimeSpan? retryAfter = null)
        : base(message)
    {
        Status = status;
        Code = code;
        RetryAfter = retryAfter;
    }

    public ToobitException()
        : this(400, -1000, "unknown error")
    {
    }

    public ToobitException(string message)
        : this(400, -1000, message)
    {
    }

    public ToobitException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
        Code = -1000;
    }

    public int Status { get; }

    public int Code { get; }

    /// <summary>Sent as <c>Retry-After</c> (whole seconds, rounded up); only weight 429s carry one.</summary>
    public TimeSpan? RetryAfter { get; }

    public static ToobitException Bad(int code, string message) => new(400, code, message);

    public static ToobitException Missing(string name) => Bad(-1102, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    public static ToobitException Invalid(string name, string value) => Bad(-1130, string.Create(CultureInfo.InvariantCulture, $"Invalid data sent for a parameter: {name}={value}."));

    public static ToobitException UnknownOrder() => Bad(-2013, "Order does not exist.");
}
