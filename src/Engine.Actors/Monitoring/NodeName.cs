using Akka.Actor;

namespace Engine.Actors.Monitoring;

/// <summary>
/// The name of the engine node an actor system is, as sessions journal it (<see cref="Engine.Messages.Orders.SessionStarted"/>)
/// and the status shows it: <c>host:port</c> of the system's Akka.Remote address on a cluster node (<c>127.0.0.1:2551</c>:
/// unique among the members, and what the cluster status lists), the machine's host name on a single node (no remoting).
/// Pure apart from reading the host name.
/// </summary>
public static class NodeName
{
    /// <summary>The node name of <paramref name="system"/>.</summary>
    public static string Of(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return Of(((ExtendedActorSystem)system).Provider.DefaultAddress);
    }

    /// <summary>The node name of a system at <paramref name="address"/>: <c>host:port</c> when it has both, else the host name.</summary>
    public static string Of(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address is { Host: { Length: > 0 } host, Port: { } port }
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{host}:{port}")
            : Environment.MachineName;
    }
}
