namespace Engine.Actors.MarketData;

/// <summary>
/// The cut-over of a make-before-break socket replacement: the next socket subscribes to every open stream while the
/// live one keeps delivering; the next one's frames are held back from the moment all its subscriptions are confirmed.
/// The switch happens at the first frame both sockets carried (the live one's latest frame found among the held ones,
/// compared byte for byte): the live socket delivered everything up to it, the next one holds everything after it, so
/// nothing is lost and nothing delivered twice. This relies on the venue sending one stream's events in the same order
/// on every socket (Binance and the simulator do). When no common frame shows up (a quiet market) or the live socket
/// ends first, <see cref="TakeOver"/> hands over every held frame the live one did not deliver. Pure; not thread-safe.
/// </summary>
public sealed class FeedHandover
{
    private readonly HashSet<long> _pending = [];
    private readonly List<(byte[] Frame, DateTimeOffset ReceivedAt)> _held = [];
    private readonly List<byte[]> _delivered = [];
    private byte[]? _lastLive;
    private int _matchedAt = -1;
    private bool _sent;

    /// <summary>A handover to the socket of <paramref name="generation"/>, which subscribes to <paramref name="topics"/>.</summary>
    public FeedHandover(int generation, IReadOnlyCollection<string> topics)
    {
        Generation = generation;
        Topics = topics;
    }

    /// <summary>Generation of the next socket.</summary>
    public int Generation { get; }

    /// <summary>The streams the next socket subscribes to.</summary>
    public IReadOnlyCollection<string> Topics { get; }

    /// <summary>The next socket is open and every subscription of it was confirmed.</summary>
    public bool Subscribed => _sent && _pending.Count == 0;

    /// <summary>The next socket provably carries everything after the live one's last frame: switch now.</summary>
    public bool Ready => _matchedAt >= 0;

    /// <summary>Frames of the next socket held back so far.</summary>
    public int Held => _held.Count;

    /// <summary>A subscribe control message with <paramref name="id"/> went out on the next socket.</summary>
    public void Subscribing(long id) => _pending.Add(id);

    /// <summary>Every subscribe message went out (none when nothing is open).</summary>
    public void AllSent() => _sent = true;

    /// <summary>The next socket confirmed control message <paramref name="id"/>; false for an id it was not waiting for.</summary>
    public bool Confirmed(long? id) => id is { } value && _pending.Remove(value);

    /// <summary>The live socket delivered <paramref name="frame"/>.</summary>
    public void Live(byte[] frame)
    {
        _lastLive = frame;
        if (Ready)
        {
            return;
        }

        _delivered.Add(frame);
        for (var i = _held.Count - 1; i >= 0; i--)
        {
            if (_held[i].Frame.AsSpan().SequenceEqual(frame))
            {
                _matchedAt = i;
                return;
            }
        }
    }

    /// <summary>The next socket received a data frame (ignored until <see cref="Subscribed"/>: the live socket carries it).</summary>
    public void Next(byte[] frame, DateTimeOffset receivedAt)
    {
        if (!Subscribed)
        {
            return;
        }

        _held.Add((frame, receivedAt));
        if (!Ready && _lastLive is { } last && frame.AsSpan().SequenceEqual(last))
        {
            _matchedAt = _held.Count - 1;
        }
    }

    /// <summary>
    /// The held frames to process once the next socket is the live one, in arrival order: those after the common frame
    /// when <see cref="Ready"/>, else every held frame the live socket did not deliver.
    /// </summary>
    public IReadOnlyList<(byte[] Frame, DateTimeOffset ReceivedAt)> TakeOver() =>
        Ready
            ? _held.Skip(_matchedAt + 1).ToList()
            : _held.Where(h => !_delivered.Exists(d => d.AsSpan().SequenceEqual(h.Frame))).ToList();
}
