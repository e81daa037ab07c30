namespace Engine.Messages;

/// <summary>
/// Marker of every event the engine publishes on its event stream and persists in its journal.
/// Every event carries the time its sender observed it; receivers never read the clock to fill it in.
/// </summary>
public interface IEngineEvent
{
    /// <summary>When the sender observed the fact (venue time where the venue gives it, receive time otherwise).</summary>
    DateTimeOffset Timestamp { get; }
}
