using System.Net.WebSockets;

namespace Engine.Simulator.Sockets;

/// <summary>
/// The connections of one venue simulator: numbering, the live list, one connection's run from accept to close,
/// and stopping them all. Shares the venue's lock: <see cref="All"/> and <see cref="Open"/> are read under it, and
/// the hub takes it to register, to hand over each text frame and to remove a connection, so the venue sees
/// frames and lifecycle changes in one order with its own decisions. With <see cref="SocketDeadlines"/> (the venues
/// always give them) a connection whose send or close handshake stalls is aborted, so a client that stops reading
/// cannot stay connected forever.
/// </summary>
internal sealed class SocketHub<TSession>(Lock gate, SocketDeadlines? deadlines = null) : IAsyncDisposable
    where TSession : SocketSession
{
    private readonly List<TSession> sessions = [];
    private readonly CancellationTokenSource stopping = new();
    private long nextId;

    /// <summary>Every registered connection, closing or not, in connection order. Under the venue's lock.</summary>
    public IReadOnlyList<TSession> All => sessions;

    /// <summary>The connections not closing, as a snapshot. Under the venue's lock.</summary>
    public List<TSession> Open() => sessions.Where(s => !s.Closing).ToList();

    /// <summary>Creates a connection with the next id and registers it, under the lock.</summary>
    public TSession Add(Func<long, TSession> create)
    {
        lock (gate)
        {
            var session = create(++nextId);
            sessions.Add(session);
            return session;
        }
    }

    /// <summary>
    /// Runs a registered connection until its receive side ends: starts the writer, hands each text frame to
    /// <paramref name="onText"/> under the lock, reports a socket error or stop to <paramref name="onFailed"/>, then
    /// awaits <paramref name="ending"/> (outside the lock), removes the connection, lets <paramref name="onRemoved"/>
    /// drop what the venue keeps for it and closes it, under the lock, and finally waits for the writer to drain.
    /// </summary>
    public async Task RunAsync(
        TSession session,
        Action<TSession, ReadOnlySpan<byte>> onText,
        Action<TSession, Exception> onFailed,
        Action<TSession>? onRemoved = null,
        Func<ValueTask>? ending = null)
    {
        var writer = session.RunWriterAsync(deadlines, stopping.Token);
        try
        {
            await session.ReceiveAsync(
                frame =>
                {
                    lock (gate)
                    {
                        onText(session, frame);
                    }
                },
                stopping.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            onFailed(session, ex);
        }
        finally
        {
            if (ending is not null)
            {
                await ending();
            }

            lock (gate)
            {
                sessions.Remove(session);
                onRemoved?.Invoke(session);
                session.Close();
            }

            await writer;
            session.DisarmCloseDeadline();
        }
    }

    /// <summary>Cancels every run and writer and aborts every connection under the lock; the hub is unusable afterwards.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        lock (gate)
        {
            foreach (var session in sessions)
            {
                session.Abort();
            }
        }

        stopping.Dispose();
    }
}
