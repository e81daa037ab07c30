namespace Engine.Actors.Connections.Policies;

/// <summary>What the heartbeat wants done now.</summary>
public enum HeartbeatAction
{
    /// <summary>Nothing is due.</summary>
    Nothing,

    /// <summary>Send the venue's ping now, then report it with <see cref="HeartbeatPolicy.OnSent"/>.</summary>
    SendPing,

    /// <summary>No frame arrived within the idle timeout: the connection is dead; reconnect.</summary>
    Dead,
}
