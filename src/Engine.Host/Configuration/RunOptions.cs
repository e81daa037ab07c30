using System.ComponentModel.DataAnnotations;

namespace Engine.Host.Configuration;

/// <summary>The <c>engine.run</c> section: how <c>engine run</c> reports and stops.</summary>
public sealed record RunOptions
{
    /// <summary>Time between status lines (one line per login).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Cancel every working order while draining the connections at shutdown.</summary>
    public bool CancelWorkingOrdersOnShutdown { get; init; } = true;

    /// <summary>Upper bound of each shutdown phase.</summary>
    public ShutdownTimeouts Shutdown { get; init; } = new();
}
