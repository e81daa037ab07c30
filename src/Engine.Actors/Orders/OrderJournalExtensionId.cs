using Akka.Actor;

namespace Engine.Actors.Orders;

/// <summary>Creates the <see cref="OrderJournalExtension"/> of a system from its <see cref="OrderJournalSetup"/>, if any.</summary>
public sealed class OrderJournalExtensionId : ExtensionIdProvider<OrderJournalExtension>
{
    /// <inheritdoc />
    public override OrderJournalExtension CreateExtension(ExtendedActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var setup = system.Settings.Setup.Get<OrderJournalSetup>();
        return new OrderJournalExtension(setup.HasValue ? setup.Value.Registry : OrderJournal.CreateRegistry());
    }
}
