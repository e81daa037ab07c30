using Akka.Actor;

namespace Engine.Actors.Monitoring;

/// <summary>The Akka extension id of <see cref="OrderTraces"/>.</summary>
public sealed class OrderTracesId : ExtensionIdProvider<OrderTraces>
{
    /// <inheritdoc />
    public override OrderTraces CreateExtension(ExtendedActorSystem system) => new(system);
}
