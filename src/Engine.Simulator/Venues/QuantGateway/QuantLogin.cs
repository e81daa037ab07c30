using Engine.Simulator.Accounts;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>One login (token). Mutated only under the simulator's lock.</summary>
internal sealed class QuantLogin
{
    public required string Token { get; init; }

    public required string AccountKey { get; init; }

    public required string Platform { get; init; }

    public required IReadOnlyList<string> Symbols { get; init; }

    public required QuantSession Session { get; init; }

    /// <summary>Account when the credentials matched; null otherwise.</summary>
    public SimAccount? Account { get; set; }

    /// <summary>Got code 1: only logout is answered.</summary>
    public bool Fatal { get; set; }

    /// <summary>Latest state code sent (0 = none).</summary>
    public int StateCode { get; set; }

    /// <summary>Extra copies of every push (the duplicate-after-relogin quirk).</summary>
    public int Echoes { get; set; }

    /// <summary>False once logged out or its socket closed.</summary>
    public bool Active { get; set; } = true;

    public bool Ready => StateCode == 6;

    public bool IsFutures => QuantPlatforms.IsFutures(Platform);
}
