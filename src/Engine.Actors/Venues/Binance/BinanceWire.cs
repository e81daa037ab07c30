using System.Collections.Immutable;
using System.Text.Json;

namespace Engine.Actors.Venues.Binance;

/// <summary>
/// The Binance Spot WebSocket API's wire records, field for field as <c>docs/protocols/binance-ws-api.md</c>
/// names them (case-sensitive: <c>e</c>/<c>E</c>, <c>c</c>/<c>C</c> are different fields). The envelope is
/// here; events are in <c>BinanceWire.Events.cs</c>, typed results in <c>BinanceWire.Results.cs</c> and
/// method names in <see cref="Methods"/>. Decimals are <see cref="decimal"/> and keep the scale they were
/// received with, so a decoded frame encodes back to the same text.
/// </summary>
public static partial class BinanceWire
{
    /// <summary>How a request parameter is written in JSON; the signature payload uses the text either way.</summary>
    public enum ParamKind
    {
        /// <summary>A JSON string (symbols, decimals, ids chosen by us).</summary>
        Text,

        /// <summary>A JSON number written as its digits (<c>timestamp</c>, <c>recvWindow</c>, <c>orderId</c>).</summary>
        Number,

        /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
        Flag,

        /// <summary>A JSON array or object written as its raw text (<c>symbols</c> of exchangeInfo).</summary>
        Json,
    }

    /// <summary>How a response's <c>id</c> was spelled; it is echoed with the request's exact JSON type.</summary>
    public enum IdKind
    {
        /// <summary>A JSON string (what this adapter sends).</summary>
        Text,

        /// <summary>A JSON number.</summary>
        Number,

        /// <summary><c>null</c>: a frame answering no request (401 session revoked).</summary>
        Null,
    }

    /// <summary>One request parameter: its name, its value as text (decoded string or number digits) and its JSON kind.</summary>
    public sealed record Param(string Name, string Value, ParamKind Kind = ParamKind.Text);

    /// <summary>
    /// A request <c>{"id","method","params"}</c>. <see cref="Params"/> keeps its order on the wire; the
    /// signature payload sorts them (<see cref="BinanceSigner.Payload"/>). Empty params are written as <c>{}</c>
    /// only when <see cref="HasParams"/> is true. This adapter sends string ids; a decoded numeric id is kept as
    /// its digits and written back as a string (a server echoes ids through <see cref="Response"/>, which keeps the type).
    /// </summary>
    public sealed record Request(string Id, string Method, ImmutableArray<Param> Params, bool HasParams = true) : BinanceFrame
    {
        /// <summary>The value of parameter <paramref name="name"/>, or null.</summary>
        public string? this[string name] => Params.FirstOrDefault(p => p.Name == name)?.Value;
    }

    /// <summary>One entry of <c>rateLimits</c>: usage of one window after the request, including it.</summary>
    /// <param name="RateLimitType"><c>REQUEST_WEIGHT</c>, <c>ORDERS</c> (or <c>CONNECTIONS</c> in exchangeInfo).</param>
    /// <param name="Interval"><c>SECOND</c>, <c>MINUTE</c>, <c>HOUR</c> or <c>DAY</c>.</param>
    /// <param name="IntervalNum">The interval multiplier (10 for "10 SECOND").</param>
    /// <param name="Limit">The most allowed in the window.</param>
    /// <param name="Count">Usage so far in the current window; null where the venue does not report it (exchangeInfo).</param>
    public sealed record RateLimit(string RateLimitType, string Interval, int IntervalNum, int Limit, int? Count)
    {
        /// <summary>The window's length; null for an interval name this adapter does not know.</summary>
        public TimeSpan? Period => Interval switch
        {
            "SECOND" => TimeSpan.FromSeconds(IntervalNum),
            "MINUTE" => TimeSpan.FromMinutes(IntervalNum),
            "HOUR" => TimeSpan.FromHours(IntervalNum),
            "DAY" => TimeSpan.FromDays(IntervalNum),
            _ => null,
        };
    }

    /// <summary>
    /// <c>error</c> of a failed response. <see cref="RetryAfter"/> and <see cref="ServerTime"/> come from
    /// <c>error.data</c> (418 bans, and 429 where the server puts it there), in epoch milliseconds.
    /// </summary>
    public sealed record Error(int Code, string Msg, long? ServerTime = null, long? RetryAfter = null);

    /// <summary>
    /// A response <c>{"id","status","result"|"error","rateLimits"}</c>. <see cref="Result"/> is the raw JSON
    /// (object or array), read into typed results by <see cref="BinanceCodec"/>'s result readers once the
    /// request it answers is known. <see cref="RetryAfter"/> is a top-level <c>retryAfter</c>, if any.
    /// </summary>
    public sealed record Response(
        string? Id,
        IdKind IdKind,
        int Status,
        JsonElement? Result,
        Error? Error,
        ImmutableArray<RateLimit> RateLimits,
        long? RetryAfter = null) : BinanceFrame
    {
        /// <summary>True for a 2xx status with a result.</summary>
        public bool IsSuccess => Status is >= 200 and < 300 && Error is null;
    }

    /// <summary>A frame this adapter cannot read, with the reason; it has no wire form.</summary>
    public sealed record Unknown(string Reason) : BinanceFrame;

    /// <summary>Method names as the API spells them.</summary>
    public static class Methods
    {
        /// <summary>Application-level connectivity check (NONE, weight 1).</summary>
        public const string Ping = "ping";

        /// <summary>Server time (NONE, weight 1).</summary>
        public const string Time = "time";

        /// <summary>Limits and symbol filters (NONE, weight 20).</summary>
        public const string ExchangeInfo = "exchangeInfo";

        /// <summary>Authenticate the connection with an Ed25519 key (SIGNED, weight 2).</summary>
        public const string SessionLogon = "session.logon";

        /// <summary>Who is logged on (NONE, weight 2).</summary>
        public const string SessionStatus = "session.status";

        /// <summary>Forget the logged-on key (NONE, weight 2).</summary>
        public const string SessionLogout = "session.logout";

        /// <summary>Subscribe the logged-on account's user data stream (weight 2).</summary>
        public const string Subscribe = "userDataStream.subscribe";

        /// <summary>Subscribe with a per-request signature, any key type (weight 2).</summary>
        public const string SubscribeSignature = "userDataStream.subscribe.signature";

        /// <summary>End one or all subscriptions (NONE, weight 2).</summary>
        public const string Unsubscribe = "userDataStream.unsubscribe";

        /// <summary>Place an order (TRADE, weight 1, counts in ORDERS).</summary>
        public const string OrderPlace = "order.place";

        /// <summary>Cancel one order (TRADE, weight 1).</summary>
        public const string OrderCancel = "order.cancel";

        /// <summary>Cancel every open order of a symbol (TRADE, weight 1).</summary>
        public const string CancelAll = "openOrders.cancelAll";

        /// <summary>One order's status (USER_DATA, weight 4).</summary>
        public const string OrderStatus = "order.status";

        /// <summary>Open orders (USER_DATA, weight 6 with a symbol, 80 without).</summary>
        public const string OpenOrdersStatus = "openOrders.status";

        /// <summary>Balances and account flags (USER_DATA, weight 20).</summary>
        public const string AccountStatus = "account.status";
    }
}
