namespace Engine.Messages.Tasks;

/// <summary>One wallet of a bot venue's account (DBot <c>GET /account/wallets</c>): the id tasks name and its on-chain address.</summary>
/// <param name="Id">The venue's wallet id (what <c>walletId</c> fields take).</param>
/// <param name="Name">Its name in the venue's dashboard.</param>
/// <param name="Type">Its chain family (<c>solana</c>, <c>evm</c>), the venue's word.</param>
/// <param name="Address">Its on-chain address (what trade results name as <c>wallet</c>).</param>
public sealed record BotWallet(string Id, string Name, string Type, string Address);
