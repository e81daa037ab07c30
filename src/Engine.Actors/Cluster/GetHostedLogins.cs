namespace Engine.Actors.Cluster;

/// <summary>Asks the node's <see cref="LoginEventRelay"/> which logins run on this node; answered with <see cref="HostedLogins"/>.</summary>
public sealed record GetHostedLogins
{
    /// <summary>The one instance.</summary>
    public static GetHostedLogins Instance { get; } = new();
}
