using Engine.Messages.Identifiers;

namespace Engine.Actors.Strategies;

/// <summary>
/// Issues client order ids <c>{prefix}-{start}-{counter}</c>: <c>start</c> is the base-36 Unix time in milliseconds
/// when the generator was created and <c>counter</c> counts up in base 36 from 1. Ids are unique per generator, and
/// unique across generators of the same prefix as long as no two of them are created in the same millisecond (the
/// strategy host restarts a strategy only after a backoff of at least one millisecond, and a process restart takes
/// longer). Not thread-safe: one generator belongs to one actor incarnation.
/// </summary>
public sealed class ClientOrderIdGenerator
{
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    private readonly string _stem;
    private long _counter;

    /// <summary>Starts a sequence for <paramref name="prefix"/> (the strategy name) at the clock's current millisecond.</summary>
    public ClientOrderIdGenerator(string prefix, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _stem = $"{prefix.Trim()}-{Base36(timeProvider.GetUtcNow().ToUnixTimeMilliseconds())}-";
    }

    /// <summary>The next id of the sequence.</summary>
    public ClientOrderId Next() => new(_stem + Base36(++_counter));

    /// <summary>Non-negative <paramref name="value"/> in lowercase base 36.</summary>
    public static string Base36(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Span<char> buffer = stackalloc char[16];
        var i = buffer.Length;
        do
        {
            buffer[--i] = Digits[(int)(value % 36)];
            value /= 36;
        }
        while (value > 0);

        return new string(buffer[i..]);
    }
}
