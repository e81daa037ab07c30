namespace Engine.Kernel.Persistence.Actors;

/// <summary>Delivered to a <c>Recover&lt;RecoveryCompleted&gt;</c> handler after the last replayed event, before any command.</summary>
public sealed record RecoveryCompleted : PersistenceMessage
{
    /// <summary>The single instance.</summary>
    public static RecoveryCompleted Instance { get; } = new();
}
