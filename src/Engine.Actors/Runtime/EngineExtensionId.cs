using Akka.Actor;

namespace Engine.Actors.Runtime;

/// <summary>Creates the <see cref="EngineExtension"/> of a system from the <see cref="EngineSetup"/> it was started with.</summary>
public sealed class EngineExtensionId : ExtensionIdProvider<EngineExtension>
{
    /// <inheritdoc />
    public override EngineExtension CreateExtension(ExtendedActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var setup = system.Settings.Setup.Get<EngineSetup>();
        return setup.HasValue
            ? new EngineExtension(setup.Value)
            : throw new InvalidOperationException(
                $"Actor system '{system.Name}' was started without an {nameof(EngineSetup)}: engine actors need the host's clock, " +
                $"randomness and logger factory. Add one to the system's ActorSystemSetup (Akka.Hosting: AddSetup).");
    }
}
