using W = Engine.Actors.Venues.QuantGateway.QuantGatewayWire;

namespace Engine.Actors.Venues.QuantGateway;

/// <summary>
/// Holds <c>state</c> messages for tokens no login reply has revealed yet (the fatal code 1 arrives before
/// the reply) for at most a hold time, and hands them over in arrival order once the token is known.
/// Pure: the caller passes <c>now</c>. Not thread-safe: owned by the connection.
/// </summary>
public sealed class QuantGatewayStateBuffer
{
    private readonly TimeSpan _holdFor;
    private readonly List<(W.State State, DateTimeOffset ReceivedAt)> _held = [];

    /// <summary>Creates a buffer that keeps a message for <paramref name="holdFor"/> (options: state buffer time).</summary>
    public QuantGatewayStateBuffer(TimeSpan holdFor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(holdFor, TimeSpan.Zero);
        _holdFor = holdFor;
    }

    /// <summary>Messages held.</summary>
    public int Count => _held.Count;

    /// <summary>When the oldest message expires (schedule <see cref="Expire"/> then); null when empty.</summary>
    public DateTimeOffset? NextExpiry => _held.Count == 0 ? null : _held.Min(h => h.ReceivedAt) + _holdFor;

    /// <summary>Keeps a state message whose token is not known yet.</summary>
    public void Hold(W.State state, DateTimeOffset receivedAt) => _held.Add((state, receivedAt));

    /// <summary>Takes the messages of <paramref name="token"/>, in arrival order.</summary>
    public IReadOnlyList<W.State> Release(string token)
    {
        var mine = _held.Where(h => h.State.Token == token).Select(h => h.State).ToList();
        _held.RemoveAll(h => h.State.Token == token);
        return mine;
    }

    /// <summary>Drops and returns the messages held for longer than the hold time (tokens of other clients, or of a lost login reply).</summary>
    public IReadOnlyList<W.State> Expire(DateTimeOffset now)
    {
        var old = _held.Where(h => now - h.ReceivedAt >= _holdFor).Select(h => h.State).ToList();
        _held.RemoveAll(h => now - h.ReceivedAt >= _holdFor);
        return old;
    }
}
