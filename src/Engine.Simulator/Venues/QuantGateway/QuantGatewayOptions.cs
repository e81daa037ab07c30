using System.ComponentModel.DataAnnotations;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>Behaviour of the quant gateway simulator (<c>engine.simulator.quant-gateway</c>).</summary>
public sealed record QuantGatewayOptions
{
    /// <summary>Delay between state 2 and state 6 (READY) after a login or an outage.</summary>
    public TimeSpan ReadyDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A socket whose last valid text frame is older than this is closed with code 1000.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How often idle sockets are looked for (1 s deterministic, 16 s like the real server).</summary>
    public TimeSpan IdleCheckPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Tokens are usable only on the socket that logged in (the real server treats them as global).</summary>
    public bool ConnectionScopedTokens { get; init; }

    /// <summary>Serialise like Python <c>json.dumps</c> (<c>", "</c>/<c>": "</c>, <c>100.0</c>, <c>1e-08</c>, <c>\uXXXX</c>).</summary>
    public bool PythonJson { get; init; } = true;

    /// <summary>First order number issued.</summary>
    [Range(1, long.MaxValue)]
    public long FirstOrderNo { get; init; } = 2510832677225473;

    /// <summary>Real-server quirk switches.</summary>
    public QuantGatewayQuirks Quirks { get; init; } = new();
}
