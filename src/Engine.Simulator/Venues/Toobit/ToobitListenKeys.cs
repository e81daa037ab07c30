using System.Security.Cryptography;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>
/// The one listen-key store behind <c>/api/v1/userDataStream</c> and <c>/api/v1/listenKey</c> (reference §8.1): a POST
/// while a key is active returns the same key and extends it; PUT extends; DELETE removes; a key expires
/// <see cref="Lifetime"/> after its last extension. Not thread-safe: used under the simulator's lock.
/// </summary>
internal sealed class ToobitListenKeys(TimeSpan lifetime)
{
    private readonly Dictionary<string, (string AccountId, DateTimeOffset ExpiresAt)> keys = new(StringComparer.Ordinal);

    public TimeSpan Lifetime { get; } = lifetime;

    /// <summary>The account's active key, extended, or a new one.</summary>
    public string Open(string accountId, DateTimeOffset now)
    {
        foreach (var (key, entry) in keys)
        {
            if (entry.AccountId == accountId && entry.ExpiresAt > now)
            {
                keys[key] = (accountId, now + Lifetime);
                return key;
            }
        }

        var created = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', 'A').Replace('/', 'B').TrimEnd('=');
        keys[created] = (accountId, now + Lifetime);
        return created;
    }

    /// <summary>Extends <paramref name="key"/> of <paramref name="accountId"/>; false when unknown, expired or someone else's.</summary>
    public bool Extend(string key, string accountId, DateTimeOffset now)
    {
        if (Owner(key, now) != accountId)
        {
            return false;
        }

        keys[key] = (accountId, now + Lifetime);
        return true;
    }

    /// <summary>Removes <paramref name="key"/>; false when unknown or someone else's.</summary>
    public bool Remove(string key, string? accountId)
    {
        if (!keys.TryGetValue(key, out var entry) || (accountId is not null && entry.AccountId != accountId))
        {
            return false;
        }

        keys.Remove(key);
        return true;
    }

    /// <summary>The account of an active key, or null.</summary>
    public string? Owner(string key, DateTimeOffset now) =>
        keys.TryGetValue(key, out var entry) && entry.ExpiresAt > now ? entry.AccountId : null;

    /// <summary>Drops expired keys; returns them.</summary>
    public List<string> Expire(DateTimeOffset now)
    {
        var expired = keys.Where(k => k.Value.ExpiresAt <= now).Select(k => k.Key).ToList();
        expired.ForEach(k => keys.Remove(k));
        return expired;
    }
}
