using Engine.Simulator.Matching;

namespace Engine.Simulator.Accounts;

/// <summary>
/// A simulated exchange account: credentials, a spot wallet, a futures wallet and futures positions by symbol.
/// Not thread-safe; its matching engine serialises access.
/// </summary>
public sealed class SimAccount
{
    /// <summary>Creates an account from its options.</summary>
    public SimAccount(AccountOptions options)
    {
        Id = options.Id;
        ApiKey = options.ApiKey;
        Secret = options.Secret;
        Spot = new Wallet(options.SpotBalances);
        Futures = new Wallet(options.FuturesBalances);
    }

    /// <summary>Account id used by the engine.</summary>
    public string Id { get; }

    /// <summary>API (access) key clients log in with.</summary>
    public string ApiKey { get; }

    /// <summary>Secret matching <see cref="ApiKey"/>; never logged.</summary>
    public string Secret { get; }

    /// <summary>Spot balances.</summary>
    public Wallet Spot { get; }

    /// <summary>Futures margin balances.</summary>
    public Wallet Futures { get; }

    /// <summary>Futures positions by symbol.</summary>
    internal Dictionary<string, FuturesPosition> Positions { get; } = new(StringComparer.Ordinal);

    /// <summary>Wallet used by <paramref name="rules"/>.</summary>
    public Wallet WalletFor(SymbolRules rules) => rules.IsFutures ? Futures : Spot;

    /// <summary>True when <paramref name="secret"/> matches, compared in constant time.</summary>
    public bool SecretMatches(string secret) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(Secret));
}
