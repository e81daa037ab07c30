namespace Engine.Messages.Tasks;

/// <summary>
/// A limit order or a TP/SL task as the venue lists it (they share one store at DBot): the fields strategies use and
/// the whole object. <see cref="State"/> is the venue's word verbatim (<c>init</c>, <c>processing</c>, <c>done</c>,
/// <c>fail</c>, <c>expired</c>).
/// </summary>
/// <param name="Id">The venue's task id.</param>
/// <param name="Chain">Its chain.</param>
/// <param name="Pair">Its pool address.</param>
/// <param name="Token">The token it trades.</param>
/// <param name="Side"><c>buy</c> or <c>sell</c>.</param>
/// <param name="Enabled">Whether it is armed.</param>
/// <param name="State">The venue's state.</param>
/// <param name="TriggerPriceUsd">Its trigger price in USD (null when the venue gave none).</param>
/// <param name="TriggerDirection"><c>up</c> or <c>down</c>.</param>
/// <param name="CurrencyAmountUI">Its amount (native UI units for a buy, a fraction for a sell).</param>
/// <param name="WalletId">The wallet that trades.</param>
/// <param name="Source">What created it: null for a limit order, <c>follow_order</c> or <c>swap_order</c> for TP/SL tasks.</param>
/// <param name="SourceId">The task that created it (a follow order's id), or null.</param>
/// <param name="ErrorCode">The venue's error code after a failure, or null.</param>
/// <param name="Json">The complete object, as listed.</param>
public sealed record LimitTask(
    string Id,
    string Chain,
    string Pair,
    string Token,
    string Side,
    bool Enabled,
    string State,
    decimal? TriggerPriceUsd,
    string TriggerDirection,
    decimal? CurrencyAmountUI,
    string WalletId,
    string? Source,
    string? SourceId,
    string? ErrorCode,
    string Json);
