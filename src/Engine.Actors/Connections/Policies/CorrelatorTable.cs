using Engine.Messages.Identifiers;

namespace Engine.Actors.Connections.Policies;

/// <summary>
/// Requests awaiting replies, by correlation key, each with a deadline from its operation. A timed-out
/// request's outcome is unknown, never rejected: <see cref="Expire"/> hands it back so the caller marks
/// the order Unknown and asks the venue. Keys of the last <see cref="LateMemory"/> expired requests are
/// remembered so a late reply is recognised. Pure: the caller passes <c>now</c>. Not thread-safe.
/// </summary>
/// <typeparam name="TKey">The correlation key type.</typeparam>
public sealed class CorrelatorTable<TKey>
    where TKey : notnull
{
    /// <summary>How many expired keys are remembered for late-reply detection.</summary>
    public const int LateMemory = 1024;

    private readonly Dictionary<TKey, PendingRequest<TKey>> _pending = [];
    private readonly HashSet<TKey> _expired = [];
    private readonly Queue<TKey> _expiredOrder = new();
    private readonly TimeSpan _defaultTimeout;
    private readonly IReadOnlyDictionary<string, TimeSpan> _timeouts;

    /// <summary>Creates a table; <paramref name="perOperation"/> overrides <paramref name="defaultTimeout"/> by operation name.</summary>
    public CorrelatorTable(TimeSpan defaultTimeout, IReadOnlyDictionary<string, TimeSpan>? perOperation = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(defaultTimeout, TimeSpan.Zero);
        _defaultTimeout = defaultTimeout;
        _timeouts = perOperation ?? new Dictionary<string, TimeSpan>();
    }

    /// <summary>Requests pending.</summary>
    public int Count => _pending.Count;

    /// <summary>Pending requests, in no particular order.</summary>
    public IEnumerable<PendingRequest<TKey>> Pending => _pending.Values;

    /// <summary>The earliest deadline (schedule the next <see cref="Expire"/> then); null when nothing is pending.</summary>
    public DateTimeOffset? NextDeadline => _pending.Count == 0 ? null : _pending.Values.Min(p => p.Deadline);

    /// <summary>The timeout of <paramref name="operation"/>.</summary>
    public TimeSpan TimeoutOf(string operation) => _timeouts.TryGetValue(operation, out var t) ? t : _defaultTimeout;

    /// <summary>
    /// Registers a request sent at <paramref name="now"/>. Returns null when the key is already pending
    /// (a key must be unique; send nothing in that case).
    /// </summary>
    public PendingRequest<TKey>? Register(TKey key, string operation, DateTimeOffset now, ClientOrderId? clientOrderId = null)
    {
        if (_pending.ContainsKey(key))
        {
            return null;
        }

        var pending = new PendingRequest<TKey>(key, operation, clientOrderId, now, now + TimeoutOf(operation));
        _pending[key] = pending;
        return pending;
    }

    /// <summary>Matches a reply's key; on <see cref="MatchOutcome.Matched"/> the request is removed and returned.</summary>
    public MatchOutcome TryMatch(TKey key, out PendingRequest<TKey>? request)
    {
        if (_pending.Remove(key, out request))
        {
            return MatchOutcome.Matched;
        }

        request = null;
        return _expired.Contains(key) ? MatchOutcome.Late : MatchOutcome.Unmatched;
    }

    /// <summary>Removes and returns every request whose deadline is at or before <paramref name="now"/>, earliest first.</summary>
    public IReadOnlyList<PendingRequest<TKey>> Expire(DateTimeOffset now)
    {
        var due = _pending.Values.Where(p => p.Deadline <= now).OrderBy(p => p.Deadline).ToList();
        foreach (var p in due)
        {
            _pending.Remove(p.Key);
            Remember(p.Key);
        }

        return due;
    }

    /// <summary>
    /// Removes and returns every pending request (the connection dropped: none of them can be answered
    /// any more, so all their outcomes are unknown).
    /// </summary>
    public IReadOnlyList<PendingRequest<TKey>> FailAll()
    {
        var all = _pending.Values.OrderBy(p => p.SentAt).ToList();
        _pending.Clear();
        foreach (var p in all)
        {
            Remember(p.Key);
        }

        return all;
    }

    private void Remember(TKey key)
    {
        if (_expired.Add(key))
        {
            _expiredOrder.Enqueue(key);
            if (_expiredOrder.Count > LateMemory)
            {
                _expired.Remove(_expiredOrder.Dequeue());
            }
        }
    }
}
