using System.ComponentModel.DataAnnotations;

namespace Engine.Simulator.Venues.DBot;

/// <summary>
/// Behaviour of the DBot trading-bot simulator (<c>engine.simulator.dbot</c>). Where DBot's real behaviour is
/// undocumented (bad input, Free-plan subscribe, close code on idle) the default is the reference's recommendation
/// and a switch offers the other guess.
/// </summary>
public sealed record DBotOptions
{
    /// <summary>A socket with no inbound frame (any frame, or only Ping frames with <see cref="StrictPing"/>) this long is closed with 1001.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Only WebSocket Ping frames count as heartbeat (data frames and pongs do not keep the socket alive).</summary>
    public bool StrictPing { get; init; }

    /// <summary>Every account is on the Free plan: <c>subscribeTradeResults</c> is refused (a guess: the real refusal is undocumented).</summary>
    public bool FreePlan { get; init; }

    /// <summary>With <see cref="FreePlan"/>: close the socket instead of answering with a <c>subscribeResponse</c> carrying an error message.</summary>
    public bool FreePlanClosesSocket { get; init; }

    /// <summary>
    /// Invalid JSON, an unknown <c>method</c> or a missing <c>id</c> are answered with <c>err: true</c> (the reply to an
    /// unparsable frame has no id); false = no reply at all. The real behaviour is unknown.
    /// </summary>
    public bool ReplyToBadInput { get; init; } = true;

    /// <summary>Time between synthetic chain rounds (leader trades, price moves, TP/SL and limit triggers); zero = manual (<c>POST /_control/market</c>).</summary>
    public TimeSpan ActivityInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Fraction of copy trades and swaps that fail on chain (<c>state: fail</c>, <c>E_OTHERS</c>); 0..1.</summary>
    [Range(0.0, 1.0)]
    public double FailRate { get; init; } = 0.1;

    /// <summary>Seed of leader activity, prices, failures and ids: the same seed gives the same chain.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Enforce the per-account limits of <see cref="Tier"/> (trading calls and limit-order creation per minute).</summary>
    public bool EnforceRateLimits { get; init; }

    /// <summary>Rate-limit tier: 1 (trading 600/min, limit orders 60/min) or 2 (1500/min, 150/min).</summary>
    [Range(1, 2)]
    public int Tier { get; init; } = 1;
}
