using System.Globalization;

namespace Engine.Actors.Connections.Policies;

/// <summary>
/// Unique string correlation ids: <c>prefix-counter</c>. The prefix names the login and a session nonce,
/// so ids never repeat across reconnects or restarts of the same login. Not thread-safe.
/// </summary>
public sealed class CidGenerator
{
    private long _counter;

    /// <summary>Creates a generator; throws <see cref="ArgumentException"/> for an empty prefix.</summary>
    public CidGenerator(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        Prefix = prefix;
    }

    /// <summary>The fixed part of every id.</summary>
    public string Prefix { get; }

    /// <summary>A generator whose prefix is <paramref name="login"/> plus eight hex digits from <paramref name="random"/>.</summary>
    public static CidGenerator ForSession(string login, Random random) =>
        new($"{login}-{random.Next().ToString("x8", CultureInfo.InvariantCulture)}");

    /// <summary>The next id; never returns the same one twice for this instance.</summary>
    public string Next() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{++_counter}");
}
