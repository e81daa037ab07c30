using System.Globalization;
using System.Text.RegularExpressions;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Venues.Binance;

public static partial class BinanceMapper
{
    /// <summary>Error code of a backend timeout: the request may still have been executed.</summary>
    public const int TimeoutCode = -1007;

    /// <summary>Error code of a timestamp outside <c>recvWindow</c> (or more than 1 s ahead).</summary>
    public const int InvalidTimestampCode = -1021;

    /// <summary>Error code of an order the venue does not know.</summary>
    public const int NoSuchOrderCode = -2013;

    /// <summary>Error code of a refused cancel ("Unknown order sent.").</summary>
    public const int CancelRejectedCode = -2011;

    /// <summary>Error code of a revoked or invalid key.</summary>
    public const int RejectedKeyCode = -2015;

    /// <summary>Error code of too many orders (429).</summary>
    public const int TooManyOrdersCode = -1015;

    /// <summary>Error code of a subscribe for an account that is already subscribed on the connection.</summary>
    public const int SubscriptionActiveCode = -2035;

    /// <summary>Error code of an unsubscribe without an active subscription.</summary>
    public const int SubscriptionInactiveCode = -2036;

    /// <summary>Error code of a connection that used up its subscription ids.</summary>
    public const int MaxSubscriptionIdsCode = -2042;

    /// <summary>
    /// Classifies the answer to <c>userDataStream.subscribe</c> or <c>.subscribe.signature</c>: success (with the
    /// id, or none from an old server's <c>{}</c>), -2035 already active, -2042 reconnect, anything else failed.
    /// </summary>
    public static BinanceSubscription ToSubscription(W.Response response)
    {
        if (ClassifyError(response) is { } error)
        {
            return error.Code switch
            {
                SubscriptionActiveCode => new(BinanceSubscribeOutcome.AlreadyActive, null, error.Reason),
                MaxSubscriptionIdsCode => new(BinanceSubscribeOutcome.Reconnect, null, error.Reason),
                _ => new(BinanceSubscribeOutcome.Failed, null, error.Reason),
            };
        }

        return new(BinanceSubscribeOutcome.Subscribed, response.Result is { } result ? BinanceCodec.ReadSubscriptionId(result) : null, null);
    }

    /// <summary>
    /// Classifies a failed response: 5xx, -1007 and 409 → Unknown (never a rejection); 429 → RateLimited and
    /// 418 → Banned with the retry time from <c>error.data.retryAfter</c>, a top-level <c>retryAfter</c> or the
    /// "banned until" text; -1021 → TimestampOutsideWindow; -2013 → NotFound; a null id with 401 or -2015 →
    /// SessionRevoked; everything else (-2010, -1013, -1121 …) → Rejected. Null for a success.
    /// </summary>
    public static BinanceError? ClassifyError(W.Response response)
    {
        if (response.IsSuccess)
        {
            return null;
        }

        var code = response.Error?.Code ?? 0;
        var message = response.Error?.Msg is { Length: > 0 } m ? m : $"status {response.Status} without a message";
        var retryAt = (response.Error?.RetryAfter ?? response.RetryAfter ?? BannedUntilFromText(message)) is { } ms
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : (DateTimeOffset?)null;
        var kind = response switch
        {
            { Status: >= 500 } => BinanceErrorKind.Unknown,
            _ when code == TimeoutCode => BinanceErrorKind.Unknown,
            { Status: 409 } => BinanceErrorKind.Unknown,
            { Status: 418 } => BinanceErrorKind.Banned,
            { Status: 429 } => BinanceErrorKind.RateLimited,
            { IdKind: W.IdKind.Null } when response.Status == 401 || code == RejectedKeyCode => BinanceErrorKind.SessionRevoked,
            _ when code == InvalidTimestampCode => BinanceErrorKind.TimestampOutsideWindow,
            _ when code == NoSuchOrderCode => BinanceErrorKind.NotFound,
            _ => BinanceErrorKind.Rejected,
        };
        return new BinanceError(kind, response.Status, code, message, kind is BinanceErrorKind.RateLimited or BinanceErrorKind.Banned ? retryAt : null);
    }

    /// <summary>
    /// The budget and clock feedback of any response received at <paramref name="receivedAt"/>. A 429 without
    /// a retry time pauses until the violated window resets (next 10 s boundary for -1015, next minute
    /// otherwise); a 418 without one bans for the documented minimum of 2 minutes.
    /// </summary>
    public static BinanceServerFeedback Feedback(W.Response response, DateTimeOffset receivedAt)
    {
        var error = ClassifyError(response);
        DateTimeOffset? pause = null, ban = null;
        switch (error?.Kind)
        {
            case BinanceErrorKind.RateLimited:
                pause = error.RetryAt ?? NextBoundary(receivedAt, error.Code == TooManyOrdersCode ? TimeSpan.FromSeconds(10) : TimeSpan.FromMinutes(1));
                break;
            case BinanceErrorKind.Banned:
                ban = error.RetryAt ?? receivedAt + TimeSpan.FromMinutes(2);
                break;
        }

        return new BinanceServerFeedback(
            response.RateLimits.IsDefault ? [] : response.RateLimits, pause, ban, error?.Kind == BinanceErrorKind.TimestampOutsideWindow);
    }

    private static DateTimeOffset NextBoundary(DateTimeOffset at, TimeSpan period)
    {
        var ticks = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(((ticks / period.Ticks) + 1) * period.Ticks);
    }

    private static long? BannedUntilFromText(string message) =>
        BannedUntilPattern().Match(message) is { Success: true } match && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? ms
            : null;

    [GeneratedRegex(@"banned until (\d{10,16})", RegexOptions.CultureInvariant)]
    private static partial Regex BannedUntilPattern();
}
