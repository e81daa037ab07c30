namespace Engine.Simulator.Sockets;

/// <summary>
/// How long a simulator connection may take to get one frame (or its close frame) out, and to finish the close
/// handshake once the simulator sent its close frame. A client that stops reading, or never answers the close, is
/// aborted when a deadline passes, so it cannot hold a connection (and its queued frames) forever. Timed on
/// <see cref="Time"/>, the venue's clock. Immutable.
/// </summary>
/// <param name="Time">The clock the deadlines run on.</param>
internal sealed record SocketDeadlines(TimeProvider Time)
{
    /// <summary>Longest a single send (a frame or the close frame) may take before the connection is aborted.</summary>
    public TimeSpan Send { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest the client may take to answer the simulator's close frame before the connection is aborted.</summary>
    public TimeSpan Close { get; init; } = TimeSpan.FromSeconds(5);
}
