namespace Engine.Actors.Venues.Binance;

/// <summary>
/// Estimates how far the venue's clock is ahead of ours from <c>time</c> round trips: each sample assumes the
/// server read its clock half-way between send and receive; the offset is the median of the last
/// <see cref="Capacity"/> samples, so one slow round trip does not move it. Zero before the first sample.
/// Pure apart from its samples; not thread-safe (owned by the login's connection).
/// </summary>
public sealed class TimeOffsetEstimator
{
    private readonly Queue<TimeSpan> _samples = new();

    /// <summary>Keeps the last <paramref name="capacity"/> samples; at least 1.</summary>
    public TimeOffsetEstimator(int capacity = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>How many samples the median is taken over.</summary>
    public int Capacity { get; }

    /// <summary>Samples currently held.</summary>
    public int Count => _samples.Count;

    /// <summary>Server time minus local time (median); add it to the local clock to get the server's.</summary>
    public TimeSpan Offset { get; private set; }

    /// <summary>The offset one round trip implies: <c>serverTime - (sentAt + (receivedAt - sentAt) / 2)</c>.</summary>
    public static TimeSpan Estimate(DateTimeOffset sentAt, DateTimeOffset receivedAt, long serverTimeMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(serverTimeMs) - (sentAt + ((receivedAt - sentAt) / 2));

    /// <summary>Adds one round trip (dropping the oldest beyond <see cref="Capacity"/>) and returns the new offset.</summary>
    public TimeSpan AddSample(DateTimeOffset sentAt, DateTimeOffset receivedAt, long serverTimeMs)
    {
        _samples.Enqueue(Estimate(sentAt, receivedAt, serverTimeMs));
        while (_samples.Count > Capacity)
        {
            _samples.Dequeue();
        }

        var sorted = _samples.Order().ToArray();
        var mid = sorted.Length / 2;
        Offset = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return Offset;
    }

    /// <summary>Forgets every sample (after -1021 the old ones are suspect); the offset stays until the next sample.</summary>
    public void Clear() => _samples.Clear();
}
