using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.DBot;

/// <summary>Copy-trading tasks (§2.3, §5): create, full-replacement edit, toggles, wallet change, delete, TP/SL lists.</summary>
public sealed partial class DBotSimulator
{
    private DBotOutcome CreateOrUpdateFollowOrder(DBotAccountState account, JsonObject p, DateTimeOffset now)
    {
        var wallets = account.Wallets.Select(w => (w.Id, w.Chain)).ToList();
        var ms = now.ToUnixTimeMilliseconds();
        if (p["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var id) && id.Length > 0)
        {
            var existing = account.FollowOrder(id) ?? throw new DBotCallException($"unknown follow order id: {id}; nothing was changed");
            var replaced = FollowOrderTemplate.Build(p, id, account.Id, wallets, (long?)existing["createdAt"] ?? ms, ms);
            account.FollowOrders[account.FollowOrders.IndexOf(existing)] = replaced;
            return DBotOutcome.Mutation;
        }

        var created = FollowOrderTemplate.Build(p, ids.Next(now), account.Id, wallets, ms, ms);
        account.FollowOrders.Add(created);
        return new DBotOutcome(new JsonObject { ["id"] = (string)created["id"]! }, []);
    }

    /// <summary><c>closePnlOrder</c> on a disable also disables the TP/SL tasks the follow orders created; no effect on enable.</summary>
    private static DBotOutcome ToggleFollowOrders(DBotAccountState account, List<string> taskIds, bool enabled, bool closePnl)
    {
        foreach (var order in Known(account.FollowOrders, taskIds, "follow order"))
        {
            order["enabled"] = enabled;
        }

        if (!enabled && closePnl)
        {
            foreach (var pnl in account.LimitOrders.Where(o => (string?)o["source"] == "follow_order" && taskIds.Contains((string?)o["sourceId"] ?? string.Empty)))
            {
                pnl["enabled"] = false;
            }
        }

        return DBotOutcome.Mutation;
    }

    private static DBotOutcome ChangeWallet(DBotAccountState account, List<string> taskIds, string walletId, DateTimeOffset now)
    {
        var orders = Known(account.FollowOrders, taskIds, "follow order");
        var wallet = account.Wallet(walletId) ?? throw new DBotCallException($"walletId '{walletId}' is not one of this account's wallets; nothing was changed");
        var wrong = orders.Where(o => DBotChainCatalog.Family((string)o["chain"]!) != DBotChainCatalog.Family(wallet.Chain)).Select(o => (string)o["id"]!).ToList();
        if (wrong.Count > 0)
        {
            throw new DBotCallException($"wallet '{walletId}' ({wallet.Chain}) cannot trade for follow order(s) on another chain: {string.Join(", ", wrong)}; nothing was changed");
        }

        foreach (var order in orders)
        {
            order["walletId"] = walletId;
            order["updatedAt"] = now.ToUnixTimeMilliseconds();
        }

        return DBotOutcome.Mutation;
    }

    /// <summary><c>deletePnlOrder</c> also deletes the TP/SL tasks the follow orders created (default false: they keep running).</summary>
    private static DBotOutcome DeleteFollowOrders(DBotAccountState account, List<string> taskIds, bool deletePnl)
    {
        foreach (var order in Known(account.FollowOrders, taskIds, "follow order"))
        {
            account.FollowOrders.Remove(order);
        }

        if (deletePnl)
        {
            account.LimitOrders.RemoveAll(o => (string?)o["source"] == "follow_order" && taskIds.Contains((string?)o["sourceId"] ?? string.Empty));
        }

        return DBotOutcome.Mutation;
    }

    private static IEnumerable<JsonObject> PnlOrders(DBotAccountState account, string source, JsonObject p) =>
        account.LimitOrders.Where(o => (string?)o["source"] == source && Matches(o, "chain", p) && Matches(o, "state", p) && Matches(o, "token", p) && Matches(o, "sourceId", p));
}
