using Akka.Actor;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>Extension id of <see cref="SwitchableStorage"/>.</summary>
public sealed class SwitchableStorageId : ExtensionIdProvider<SwitchableStorage>
{
    public override SwitchableStorage CreateExtension(ExtendedActorSystem system) => new(system);
}
