namespace Engine.Simulator.Accounts;

/// <summary>
/// Balances of one account for one market kind (spot or futures). Not thread-safe: the owner (the matching
/// engine, itself guarded by its venue) serialises access.
/// </summary>
public sealed class Wallet
{
    private readonly SortedDictionary<string, Balance> balances = new(StringComparer.Ordinal);

    /// <summary>Creates a wallet with the given free starting balances.</summary>
    public Wallet(IReadOnlyDictionary<string, decimal>? initial = null)
    {
        if (initial is null)
        {
            return;
        }

        foreach (var (asset, amount) in initial)
        {
            balances[asset] = new Balance(amount, 0m);
        }
    }

    /// <summary>Balance of <paramref name="asset"/>, zero when never seen.</summary>
    public Balance Get(string asset) => balances.TryGetValue(asset, out var b) ? b : default;

    /// <summary>
    /// All balances ordered by asset name, live, without a copy: read them at once, holding the venue (as a frame is
    /// rendered).
    /// </summary>
    public IReadOnlyDictionary<string, Balance> Balances => balances;

    /// <summary>Adds <paramref name="freeDelta"/> to free and <paramref name="lockedDelta"/> to locked.</summary>
    public Balance Adjust(string asset, decimal freeDelta, decimal lockedDelta)
    {
        var b = Get(asset);
        var next = new Balance(b.Free + freeDelta, b.Locked + lockedDelta);
        balances[asset] = next;
        return next;
    }

    /// <summary>Moves <paramref name="amount"/> from free to locked if free covers it.</summary>
    public bool TryLock(string asset, decimal amount)
    {
        if (Get(asset).Free < amount)
        {
            return false;
        }

        Adjust(asset, -amount, amount);
        return true;
    }
}
