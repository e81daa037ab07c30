namespace Engine.Actors.Venues.Binance;

/// <summary>
/// A classified failed response. <see cref="Reason"/> reads "Binance -2010: Account has insufficient balance
/// for requested action." (the venue's message verbatim, after its status and code).
/// </summary>
/// <param name="Kind">What it means for the engine.</param>
/// <param name="Status">The HTTP-like status.</param>
/// <param name="Code">Binance's error code; 0 when the response had none.</param>
/// <param name="Message">The venue's message verbatim.</param>
/// <param name="RetryAt">For 429 and 418: when sending may resume; null when the venue gave no time.</param>
public sealed record BinanceError(BinanceErrorKind Kind, int Status, int Code, string Message, DateTimeOffset? RetryAt)
{
    /// <summary>For people and for rejection reasons.</summary>
    public string Reason => Kind switch
    {
        BinanceErrorKind.Unknown => $"outcome unknown (Binance {Status} {Code}: {Message})",
        BinanceErrorKind.RateLimited => $"rate limited (Binance 429 {Code}: {Message}){Until("; retry after")}",
        BinanceErrorKind.Banned => $"IP banned (Binance 418 {Code}: {Message}){Until("; banned until")}",
        _ => $"Binance {Code}: {Message}",
    };

    private string Until(string prefix) => RetryAt is { } at ? $"{prefix} {at:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}" : string.Empty;
}
