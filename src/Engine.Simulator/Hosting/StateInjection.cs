namespace Engine.Simulator.Hosting;

/// <summary>
/// Control request: push state codes to logins. JSON <c>{"token":null,"codes":[4,5,2,6],"interval_ms":0}</c>.
/// An empty code list means the outage cycle 4, 5, 2, 6.
/// </summary>
public sealed record StateInjection
{
    /// <summary>Target token; null = every live login.</summary>
    public string? Token { get; init; }

    /// <summary>Codes in order.</summary>
    public IReadOnlyList<int> Codes { get; init; } = [];

    /// <summary>Pause between codes, in milliseconds (on the simulator's TimeProvider).</summary>
    public int IntervalMs { get; init; }
}
