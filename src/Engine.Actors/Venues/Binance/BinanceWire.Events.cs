using System.Collections.Immutable;

namespace Engine.Actors.Venues.Binance;

public static partial class BinanceWire
{
    /// <summary>
    /// A pushed user-data or connection event, wrapped as <c>{"subscriptionId":n,"event":{…}}</c>.
    /// <see cref="SubscriptionId"/> is null for connection events such as <c>serverShutdown</c>.
    /// </summary>
    public abstract record Event : BinanceFrame
    {
        /// <summary>The subscription the event belongs to; null when the envelope has none.</summary>
        public int? SubscriptionId { get; init; }

        /// <summary><c>E</c>: event time, epoch ms.</summary>
        public long EventTime { get; init; }
    }

    /// <summary>
    /// <c>executionReport</c>: one change of one order (§6.3). Always-present fields are required; <c>W</c>
    /// (working time) and <c>eR</c> (expiry reason) are the conditional ones this adapter keeps.
    /// </summary>
    public sealed record ExecutionReport : Event
    {
        /// <summary><c>s</c>.</summary>
        public required string Symbol { get; init; }

        /// <summary><c>c</c>: client order id; on a cancel, the cancel's own id.</summary>
        public required string ClientOrderId { get; init; }

        /// <summary><c>S</c>: BUY or SELL.</summary>
        public required string Side { get; init; }

        /// <summary><c>o</c>: order type.</summary>
        public required string OrderType { get; init; }

        /// <summary><c>f</c>: time in force.</summary>
        public required string TimeInForce { get; init; }

        /// <summary><c>q</c>: order quantity.</summary>
        public decimal Quantity { get; init; }

        /// <summary><c>p</c>: order price.</summary>
        public decimal Price { get; init; }

        /// <summary><c>P</c>: stop price.</summary>
        public decimal StopPrice { get; init; }

        /// <summary><c>F</c>: iceberg quantity.</summary>
        public decimal IcebergQuantity { get; init; }

        /// <summary><c>g</c>: order list id, -1 when none.</summary>
        public long OrderListId { get; init; } = -1;

        /// <summary><c>C</c>: the original client order id on a cancel; empty otherwise.</summary>
        public string OriginalClientOrderId { get; init; } = string.Empty;

        /// <summary><c>x</c>: execution type (NEW, CANCELED, REPLACED, REJECTED, TRADE, EXPIRED, TRADE_PREVENTION).</summary>
        public required string ExecutionType { get; init; }

        /// <summary><c>X</c>: order status.</summary>
        public required string OrderStatus { get; init; }

        /// <summary><c>r</c>: reject reason, NONE when none.</summary>
        public string RejectReason { get; init; } = "NONE";

        /// <summary><c>i</c>: the venue's order id.</summary>
        public long OrderId { get; init; }

        /// <summary><c>l</c>: last executed quantity.</summary>
        public decimal LastQuantity { get; init; }

        /// <summary><c>z</c>: cumulative filled quantity.</summary>
        public decimal CumulativeQuantity { get; init; }

        /// <summary><c>L</c>: last executed price.</summary>
        public decimal LastPrice { get; init; }

        /// <summary><c>n</c>: commission of this trade.</summary>
        public decimal Commission { get; init; }

        /// <summary><c>N</c>: commission asset; null when none.</summary>
        public string? CommissionAsset { get; init; }

        /// <summary><c>T</c>: transaction time, epoch ms.</summary>
        public long TransactionTime { get; init; }

        /// <summary><c>t</c>: trade id, -1 unless a trade.</summary>
        public long TradeId { get; init; } = -1;

        /// <summary><c>I</c>: execution id.</summary>
        public long ExecutionId { get; init; }

        /// <summary><c>w</c>: the order is on the book.</summary>
        public bool IsWorking { get; init; }

        /// <summary><c>m</c>: this trade was the maker side.</summary>
        public bool IsMaker { get; init; }

        /// <summary><c>M</c>: ignore.</summary>
        public bool Ignore { get; init; }

        /// <summary><c>O</c>: order creation time, epoch ms.</summary>
        public long CreationTime { get; init; }

        /// <summary><c>Z</c>: cumulative quote quantity.</summary>
        public decimal CumulativeQuoteQuantity { get; init; }

        /// <summary><c>Y</c>: last quote quantity.</summary>
        public decimal LastQuoteQuantity { get; init; }

        /// <summary><c>Q</c>: quote order quantity.</summary>
        public decimal QuoteOrderQuantity { get; init; }

        /// <summary><c>V</c>: self-trade-prevention mode.</summary>
        public string SelfTradePreventionMode { get; init; } = "NONE";

        /// <summary><c>W</c>: working time, when the order reached the book.</summary>
        public long? WorkingTime { get; init; }

        /// <summary><c>eR</c>: expiry reason, when expired.</summary>
        public string? ExpiryReason { get; init; }
    }

    /// <summary>One asset of <c>outboundAccountPosition</c>: <c>a</c>, <c>f</c> (free), <c>l</c> (locked).</summary>
    public sealed record AccountBalance(string Asset, decimal Free, decimal Locked);

    /// <summary><c>outboundAccountPosition</c>: the assets that may have changed; <c>u</c> is the last update time.</summary>
    public sealed record OutboundAccountPosition(long LastUpdateTime, ImmutableArray<AccountBalance> Balances) : Event;

    /// <summary><c>balanceUpdate</c>: deposit, withdrawal or transfer; <c>d</c> is the signed delta, <c>T</c> the clear time.</summary>
    public sealed record BalanceUpdate(string Asset, decimal Delta, long ClearTime) : Event;

    /// <summary><c>eventStreamTerminated</c>: the subscription ended (unsubscribe or logout); resubscribe.</summary>
    public sealed record EventStreamTerminated : Event;

    /// <summary><c>serverShutdown</c>: the server is about to go away; open a replacement connection now.</summary>
    public sealed record ServerShutdown : Event;

    /// <summary>An event type this adapter does not use (<c>listStatus</c>, <c>externalLockUpdate</c>); kept only by name.</summary>
    public sealed record OtherEvent(string EventType) : Event;
}
