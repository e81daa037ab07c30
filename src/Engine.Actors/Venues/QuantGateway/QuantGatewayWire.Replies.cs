using System.Collections.Immutable;

namespace Engine.Actors.Venues.QuantGateway;

public static partial class QuantGatewayWire
{
    /// <summary>
    /// A reply to a token or login op: <c>{"op","cid","result","error_message",…}</c>. Exactly the payload
    /// fields the server sent are non-null: <see cref="Token"/> (login), <see cref="OrderNo"/> (place_order
    /// success), and <c>data</c> as one of the typed lists or objects. Error replies carry no payload.
    /// </summary>
    /// <param name="Op">The op being answered.</param>
    /// <param name="Cid">The echoed cid as text (a non-string cid is kept as its raw JSON); null when absent; <c>""</c> belongs to no request.</param>
    /// <param name="Result">True on success.</param>
    /// <param name="ErrorMessage">Opaque text (may be a Python repr of an exchange error); empty on success.</param>
    public sealed record Reply(string Op, string? Cid, bool Result, string ErrorMessage) : QuantGatewayFrame
    {
        /// <summary><c>token</c> of a login reply (<c>""</c> for a duplicate login).</summary>
        public string? Token { get; init; }

        /// <summary><c>order_no</c> of a successful place_order reply.</summary>
        public string? OrderNo { get; init; }

        /// <summary><c>data</c> of a cancel_order reply: one item per id, in any order.</summary>
        public ImmutableArray<CancelItem>? CancelItems { get; init; }

        /// <summary><c>data</c> of an open_orders reply (items have no symbol).</summary>
        public ImmutableArray<OrderData>? Orders { get; init; }

        /// <summary><c>data</c> of an asset reply, by currency, in wire order.</summary>
        public ImmutableArray<AssetData>? Assets { get; init; }

        /// <summary><c>data</c> of a position reply (no symbol).</summary>
        public PositionData? Position { get; init; }

        /// <summary><c>data</c> of a symbol_info reply.</summary>
        public SymbolInfoData? SymbolInfo { get; init; }
    }

    /// <summary>One item of a cancel_order reply; a failed Huobi item may have <c>order_no: ""</c>.</summary>
    public sealed record CancelItem(bool Result, string ErrorMessage, string OrderNo);

    /// <summary>
    /// An order as open_orders and the <c>order</c> notification carry it. <see cref="Symbol"/> is null in
    /// open_orders items; <see cref="Price"/> is null for ftx market orders.
    /// </summary>
    public sealed record OrderData(
        string? Symbol,
        string OrderNo,
        string Action,
        decimal? Price,
        decimal Quantity,
        decimal Remain,
        string Status,
        string OrderType,
        long? Ctime,
        long? Utime);

    /// <summary>One currency of an asset reply or notification.</summary>
    public sealed record AssetData(string Currency, decimal? Free, decimal? Locked, decimal? Total);

    /// <summary>
    /// A futures position (reply, or notification with <see cref="Symbol"/>). Without a position the
    /// server sends zeros with <c>margin_mode</c> and <c>utime</c> null. Quantities are never negative.
    /// </summary>
    public sealed record PositionData(
        string? Symbol,
        string? MarginMode,
        decimal LongQuantity,
        decimal LongAvailQty,
        decimal LongOpenPrice,
        decimal LongHoldPrice,
        decimal LongLiquidPrice,
        decimal LongUnrealisedPnl,
        decimal LongLeverage,
        decimal LongMargin,
        decimal ShortQuantity,
        decimal ShortAvailQty,
        decimal ShortOpenPrice,
        decimal ShortHoldPrice,
        decimal ShortLiquidPrice,
        decimal ShortUnrealisedPnl,
        decimal ShortLeverage,
        decimal ShortMargin,
        long? Utime);

    /// <summary>Trading rules; ticks and limits may be null (huobi_future value fields, ftx limits). Currencies are strings.</summary>
    public sealed record SymbolInfoData(
        decimal? PriceTick,
        decimal? SizeTick,
        decimal? SizeLimit,
        decimal? ValueTick,
        decimal? ValueLimit,
        string? BaseCurrency,
        string? QuoteCurrency,
        string? SettlementCurrency);
}
