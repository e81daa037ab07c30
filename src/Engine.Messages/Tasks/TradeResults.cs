using System.Numerics;
using System.Text.Json.Serialization;
using Engine.Messages.Identifiers;

namespace Engine.Messages.Tasks;

/// <summary>
/// The outcome of one trade a bot venue executed for a task (DBot <c>tradeResultNotify</c>); success or failure is
/// decided only by the venue's <c>state</c>. Journaled and de-duplicated by <see cref="ResultId"/> before it is
/// published, so a strategy hears each trade once, across reconnects and restarts.
/// </summary>
public interface ITradeResult : ITaskEvent
{
    /// <summary>The venue's result id (<c>&lt;taskId&gt;_&lt;tradeId&gt;</c> for copy trades, <c>&lt;swapId&gt;_sell</c> for fast sells).</summary>
    string ResultId { get; }

    /// <summary>The task that traded (the part of the id before the first <c>_</c>).</summary>
    string TaskId { get; }

    /// <summary>The venue's source (<c>follow_order</c>, <c>swap_order</c>, <c>limit_order</c>, ...).</summary>
    string Source { get; }

    /// <summary>Buy or sell (informational: never used to decide success).</summary>
    string Side { get; }
}

/// <summary>A trade that executed on chain. Amounts are integers in the token's base units.</summary>
/// <param name="SubSource">TP/SL origin (<c>follow_take_profit</c>, ...) or null.</param>
/// <param name="Token">The traded token's address.</param>
/// <param name="Symbol">The traded token's symbol.</param>
/// <param name="Wallet">The wallet address that traded.</param>
/// <param name="SendToken">Address of what was spent.</param>
/// <param name="SendAmount">Base units spent.</param>
/// <param name="SendDecimals">Decimals of what was spent.</param>
/// <param name="ReceiveToken">Address of what was received.</param>
/// <param name="ReceiveAmount">Base units received.</param>
/// <param name="ReceiveDecimals">Decimals of what was received.</param>
/// <param name="PriceUsd">Execution price of the token in USD.</param>
/// <param name="Fee">The venue's fee in base units of the native currency.</param>
/// <param name="Block">Block number.</param>
/// <param name="Hash">Transaction hash.</param>
/// <param name="ExecutedAt">Execution time (the venue's <c>timestamp</c>, normalised: below 1e12 it is seconds).</param>
public sealed record TradeSucceeded(
    LoginId Login,
    DateTimeOffset Timestamp,
    string ResultId,
    string TaskId,
    string Source,
    string? SubSource,
    string Chain,
    string Side,
    string Token,
    string Symbol,
    string Wallet,
    string SendToken,
    [property: JsonConverter(typeof(BigIntegerJsonConverter))] BigInteger SendAmount,
    int SendDecimals,
    string ReceiveToken,
    [property: JsonConverter(typeof(BigIntegerJsonConverter))] BigInteger ReceiveAmount,
    int ReceiveDecimals,
    decimal PriceUsd,
    [property: JsonConverter(typeof(BigIntegerJsonConverter))] BigInteger Fee,
    long Block,
    string Hash,
    DateTimeOffset ExecutedAt) : ITradeResult;

/// <summary>A trade the venue could not execute (<c>state</c> <c>fail</c> or <c>expired</c>); the task creation itself had succeeded.</summary>
/// <param name="ErrorCode">The venue's code (<c>E_OTHERS</c>, ...), or the state when it gave none.</param>
/// <param name="ErrorMessage">The venue's text verbatim.</param>
public sealed record TradeFailed(
    LoginId Login,
    DateTimeOffset Timestamp,
    string ResultId,
    string TaskId,
    string Source,
    string? SubSource,
    string Chain,
    string Side,
    string Token,
    string Wallet,
    string ErrorCode,
    string ErrorMessage) : ITradeResult;
