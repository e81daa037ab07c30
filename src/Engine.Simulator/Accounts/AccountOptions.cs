using System.ComponentModel.DataAnnotations;

namespace Engine.Simulator.Accounts;

/// <summary>One simulated account: credentials and starting balances.</summary>
public sealed record AccountOptions
{
    /// <summary>Account id (also used in logs; not secret).</summary>
    [Required]
    public required string Id { get; init; }

    /// <summary>API/access key clients log in with.</summary>
    [Required]
    public required string ApiKey { get; init; }

    /// <summary>Secret for <see cref="ApiKey"/>.</summary>
    [Required]
    public required string Secret { get; init; }

    /// <summary>
    /// Ed25519 public key of <see cref="ApiKey"/> (64 hex characters, base64 of the 32 raw bytes, or a PEM
    /// <c>PUBLIC KEY</c>). When set, venues that sign requests (Binance) accept only Ed25519 signatures for
    /// this key and <see cref="Secret"/> is not used by them; null = an HMAC key signed with <see cref="Secret"/>.
    /// </summary>
    public string? Ed25519PublicKey { get; init; }

    /// <summary>Starting free spot balances by asset.</summary>
    public IReadOnlyDictionary<string, decimal> SpotBalances { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Starting free futures margin balances by asset.</summary>
    public IReadOnlyDictionary<string, decimal> FuturesBalances { get; init; } = new Dictionary<string, decimal>();

    /// <summary>On-chain wallets for DEX bot venues (DBot); empty for exchange accounts.</summary>
    public IReadOnlyList<DexWalletOptions> DexWallets { get; init; } = [];

    /// <summary>Prints the record with the secret redacted.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", ApiKey = ").Append(ApiKey).Append(", Secret = ***");
        return true;
    }
}
