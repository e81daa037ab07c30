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

    /// <summary>Starting free spot balances by asset.</summary>
    public IReadOnlyDictionary<string, decimal> SpotBalances { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Starting free futures margin balances by asset.</summary>
    public IReadOnlyDictionary<string, decimal> FuturesBalances { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Prints the record with the secret redacted.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", ApiKey = ").Append(ApiKey).Append(", Secret = ***");
        return true;
    }
}
