using System.ComponentModel.DataAnnotations;

namespace Engine.Simulator.Accounts;

/// <summary>One on-chain wallet an account trades from on a DEX bot venue (DBot <c>walletId</c>).</summary>
public sealed record DexWalletOptions
{
    /// <summary>Wallet id, as clients name it in <c>walletId</c>.</summary>
    [Required]
    public required string Id { get; init; }

    /// <summary>Chain family the wallet lives on: <c>solana</c>, or an EVM chain (<c>ethereum</c>, <c>base</c>, <c>bsc</c>).</summary>
    [Required]
    public required string Chain { get; init; }

    /// <summary>The wallet's address (a public value, not a secret).</summary>
    [Required]
    public required string Address { get; init; }

    /// <summary>Display name.</summary>
    public string Name { get; init; } = string.Empty;
}
