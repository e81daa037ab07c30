using System.Numerics;
using System.Text.Json.Nodes;
using Engine.Simulator.Accounts;

namespace Engine.Simulator.Venues.DBot;

/// <summary>
/// What DBot keeps for one API key: its automation tasks as the JSON objects the list calls return, the token
/// holdings trades produced, and the rate-limit counters. Read and written under the simulator's lock.
/// </summary>
internal sealed class DBotAccountState(AccountOptions options)
{
    public string Id { get; } = options.Id;

    public IReadOnlyList<DexWalletOptions> Wallets { get; } = options.DexWallets;

    /// <summary>Follow orders in creation order.</summary>
    public List<JsonObject> FollowOrders { get; } = [];

    /// <summary>Limit orders and TP/SL tasks (they share one store at DBot), in creation order.</summary>
    public List<JsonObject> LimitOrders { get; } = [];

    /// <summary>Fast swaps by id.</summary>
    public Dictionary<string, JsonObject> Swaps { get; } = new(StringComparer.Ordinal);

    /// <summary>Token base units held, keyed <c>owner|token</c> (owner = follow task id for copy trades, wallet id otherwise).</summary>
    public Dictionary<string, BigInteger> Holdings { get; } = new(StringComparer.Ordinal);

    /// <summary>Start of the current one-minute rate window.</summary>
    public DateTimeOffset RateWindow { get; set; }

    /// <summary>Trading calls counted in <see cref="RateWindow"/>.</summary>
    public int TradingCalls { get; set; }

    /// <summary>Limit-order creations counted in <see cref="RateWindow"/>.</summary>
    public int LimitCreations { get; set; }

    public DexWalletOptions? Wallet(string id) => Wallets.FirstOrDefault(w => w.Id == id);

    public JsonObject? FollowOrder(string id) => FollowOrders.FirstOrDefault(o => (string?)o["id"] == id);
}
