namespace Engine.Actors.Monitoring;

/// <summary>The names under which the engine's telemetry is exported.</summary>
public static class MetricsNames
{
    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of every engine instrument.</summary>
    public const string Meter = "Engine";

    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of order traces.</summary>
    public const string Orders = "Engine.Orders";
}
