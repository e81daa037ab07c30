namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>
/// Switches that reproduce defects of the real alphahunter server (protocol reference §8). All off by default
/// (documented behaviour); <see cref="RealServer"/> turns every one on.
/// </summary>
public sealed record QuantGatewayQuirks
{
    /// <summary>All quirks on.</summary>
    public static QuantGatewayQuirks RealServer { get; } = new()
    {
        OneIdCancelNoReply = true,
        PositionOnSpotNoReply = true,
        NoPartialFilledOnSpot = true,
        NotifyBeforeReplyOnFutures = true,
        ExecuteBeforeReady = true,
        DuplicateAfterRelogin = true,
        AssetNotifyFreeOnly = true,
    };

    /// <summary>A successful cancel of exactly one id gets no reply, a failed one a top-level <c>result:false</c>; on huobi <c>[]</c> with exactly one open order gets no reply (§8.1).</summary>
    public bool OneIdCancelNoReply { get; init; }

    /// <summary><c>position</c> on huobi gets no reply instead of <c>result:false</c> (§3.9).</summary>
    public bool PositionOnSpotNoReply { get; init; }

    /// <summary>On huobi, partial fills send neither an order nor a fill notification, and <c>open_orders</c> gets no reply while a partially filled order is open (§8.5).</summary>
    public bool NoPartialFilledOnSpot { get; init; }

    /// <summary>On huobi_future the order/fill notifications of a placement come before its reply (§6.5).</summary>
    public bool NotifyBeforeReplyOnFutures { get; init; }

    /// <summary>Trading ops before READY are executed instead of answered with <c>result:false</c> (§2.4).</summary>
    public bool ExecuteBeforeReady { get; init; }

    /// <summary>After a logout or close, a new login of the same account gets every notification and state twice (§8.3).</summary>
    public bool DuplicateAfterRelogin { get; init; }

    /// <summary>huobi asset notifications carry only <c>free</c>; <c>locked</c> and <c>total</c> are 0.0 (§6.4).</summary>
    public bool AssetNotifyFreeOnly { get; init; }
}
