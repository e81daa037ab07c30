using System.Collections.Immutable;

namespace Engine.Actors.Venues.Binance;

public static partial class BinanceWire
{
    /// <summary>One immediate trade of a FULL <c>order.place</c> result.</summary>
    public sealed record Fill(decimal Price, decimal Qty, decimal Commission, string CommissionAsset, long TradeId);

    /// <summary>
    /// An order as <c>order.place</c> (ACK/RESULT/FULL), <c>order.cancel</c>, <c>order.status</c> and
    /// <c>openOrders.status</c> report it. Fields a response type does not carry are null (ACK has no status);
    /// <see cref="Fills"/> is empty unless FULL.
    /// </summary>
    public sealed record OrderResult
    {
        /// <summary><c>symbol</c>.</summary>
        public required string Symbol { get; init; }

        /// <summary><c>orderId</c>.</summary>
        public long OrderId { get; init; }

        /// <summary><c>clientOrderId</c> (on a cancel: the cancel's new id).</summary>
        public string ClientOrderId { get; init; } = string.Empty;

        /// <summary><c>origClientOrderId</c>: the id that was canceled (cancel results only).</summary>
        public string? OrigClientOrderId { get; init; }

        /// <summary><c>transactTime</c> (place and cancel).</summary>
        public long? TransactTime { get; init; }

        /// <summary><c>time</c>: when the order was placed (status results).</summary>
        public long? Time { get; init; }

        /// <summary><c>updateTime</c> (status results).</summary>
        public long? UpdateTime { get; init; }

        /// <summary><c>price</c>.</summary>
        public decimal? Price { get; init; }

        /// <summary><c>origQty</c>.</summary>
        public decimal? OrigQty { get; init; }

        /// <summary><c>executedQty</c>.</summary>
        public decimal? ExecutedQty { get; init; }

        /// <summary><c>cummulativeQuoteQty</c> (Binance's spelling).</summary>
        public decimal? CummulativeQuoteQty { get; init; }

        /// <summary><c>status</c>.</summary>
        public string? Status { get; init; }

        /// <summary><c>timeInForce</c>.</summary>
        public string? TimeInForce { get; init; }

        /// <summary><c>type</c>.</summary>
        public string? Type { get; init; }

        /// <summary><c>side</c>.</summary>
        public string? Side { get; init; }

        /// <summary><c>fills</c> of a FULL response.</summary>
        public ImmutableArray<Fill> Fills { get; init; } = [];
    }

    /// <summary>One balance of <c>account.status</c>.</summary>
    public sealed record AssetBalance(string Asset, decimal Free, decimal Locked);

    /// <summary>The parts of <c>account.status</c> the engine uses.</summary>
    public sealed record AccountResult(bool CanTrade, long UpdateTime, ImmutableArray<AssetBalance> Balances);

    /// <summary>One entry of a symbol's <c>filters</c>; the fields a filter type does not have are null.</summary>
    public sealed record SymbolFilter(
        string FilterType,
        decimal? MinPrice = null,
        decimal? MaxPrice = null,
        decimal? TickSize = null,
        decimal? MinQty = null,
        decimal? MaxQty = null,
        decimal? StepSize = null,
        decimal? MinNotional = null,
        decimal? MaxNotional = null);

    /// <summary>One symbol of <c>exchangeInfo</c>.</summary>
    public sealed record SymbolInfo(string Symbol, string Status, string BaseAsset, string QuoteAsset, ImmutableArray<SymbolFilter> Filters);

    /// <summary>The parts of <c>exchangeInfo</c> the engine uses: the published limits and the symbols.</summary>
    public sealed record ExchangeInfoResult(ImmutableArray<RateLimit> RateLimits, ImmutableArray<SymbolInfo> Symbols);

    /// <summary>The result of <c>session.logon</c> and <c>session.status</c>.</summary>
    public sealed record SessionResult(string? ApiKey, long? AuthorizedSince, long ConnectedSince, bool ReturnRateLimits, long ServerTime, bool? UserDataStream);
}
