namespace Engine.Actors.MarketData;

/// <summary>
/// At most <c>perSecond</c> control messages in any one-second window (Binance counts every incoming message and
/// closes the socket past 5 per second). Pure: the caller passes <c>now</c>. Not thread-safe.
/// </summary>
public sealed class ControlGate(int perSecond)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Queue<DateTimeOffset> _sent = new();

    /// <summary>True, and the send is counted, when a message may go at <paramref name="now"/>.</summary>
    public bool TryTake(DateTimeOffset now)
    {
        Expire(now);
        if (_sent.Count >= perSecond)
        {
            return false;
        }

        _sent.Enqueue(now);
        return true;
    }

    /// <summary>When the next message may go (<paramref name="now"/> when it may go at once).</summary>
    public DateTimeOffset NextAt(DateTimeOffset now)
    {
        Expire(now);
        return _sent.Count < perSecond ? now : _sent.Peek() + Window;
    }

    /// <summary>Forgets the window (a new socket).</summary>
    public void Reset() => _sent.Clear();

    private void Expire(DateTimeOffset now)
    {
        while (_sent.Count > 0 && _sent.Peek() + Window <= now)
        {
            _sent.Dequeue();
        }
    }
}
