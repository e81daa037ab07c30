using System.Numerics;
using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.DBot;

/// <summary>
/// Fast swaps (executed at once; the outcome arrives as a trade result, the task object shows <c>state</c>,
/// <c>errorCode</c> and <c>errorMessage</c>) and limit orders (stored with the TP/SL tasks, fired on synthetic prices).
/// </summary>
public sealed partial class DBotSimulator
{
    private DBotOutcome CreateSwapOrder(DBotAccountState account, JsonObject p, DateTimeOffset now)
    {
        var (token, wallet) = PairAndWallet(account, p);
        var type = RequireString(p, "type");
        if (type is not ("buy" or "sell"))
        {
            throw new DBotCallException($"type '{type}' must be buy or sell");
        }

        if (!FollowOrderTemplate.TryDecimal(p["amountOrPercent"], out var amount) || amount <= 0m || (type == "sell" && amount > 1m))
        {
            throw new DBotCallException("amountOrPercent is required: a positive native amount for a buy, a fraction 0..1 of the holding for a sell");
        }

        var id = ids.Next(now);
        var holdingKey = wallet.Id + "|" + token.Asset.Contract;
        var held = account.Holdings.GetValueOrDefault(holdingKey);
        var sellUnits = type == "sell" ? new BigInteger(decimal.Truncate((decimal)held * amount)) : BigInteger.Zero;
        var swap = new JsonObject { ["id"] = id, ["chain"] = token.Chain, ["tradeType"] = type, ["state"] = "processing" };
        account.Swaps[id] = swap;
        var resultId = type == "buy" ? id : id + "_sell";
        (bool Succeeded, JsonObject Body) result;
        if (type == "sell" && sellUnits.IsZero)
        {
            result = (false, new JsonObject
            {
                ["id"] = resultId, ["state"] = "fail", ["source"] = "swap_order", ["subSource"] = null, ["chain"] = token.Chain,
                ["createAt"] = now.ToUnixTimeMilliseconds(), ["timestamp"] = null, ["block"] = null, ["hash"] = null, ["wallet"] = wallet.Address,
                ["type"] = "sell", ["token"] = token.Asset.Contract, ["pair"] = token.Pair, ["symbol"] = token.Asset.Symbol,
                ["errorCode"] = "E_OTHERS", ["errorMessage"] = "insufficient token balance",
            });
        }
        else
        {
            result = Execute(account, wallet, token, type == "buy", amount, sellUnits, resultId, "swap_order", null, now, holdingKey);
        }

        swap["state"] = result.Succeeded ? "done" : "fail";
        swap["txPriceUsd"] = result.Succeeded ? result.Body["priceUsd"]?.DeepClone() : null;
        swap["swapHash"] = result.Body["hash"]?.DeepClone();
        swap["swapLink"] = result.Body["hash"] is JsonValue h ? $"https://solscan.io/tx/{h}" : null;
        swap["errorCode"] = result.Body["errorCode"]?.DeepClone();
        swap["errorMessage"] = result.Body["errorMessage"]?.DeepClone();
        var notice = new DBotNotice(account.Id, $"swap_{type}_{(result.Succeeded ? "success" : "fail")}", result.Body);
        return new DBotOutcome(new JsonObject { ["id"] = id }, [notice]);
    }

    private static JsonObject Swap(DBotAccountState account, string id) =>
        account.Swaps.TryGetValue(id, out var swap) ? swap : throw new DBotCallException($"unknown swap order id: {id}");

    private DBotOutcome CreateLimitOrder(DBotAccountState account, JsonObject p, DateTimeOffset now)
    {
        var (token, wallet) = PairAndWallet(account, p);
        if (p["settings"] is not JsonArray { Count: > 0 } settings)
        {
            throw new DBotCallException("settings is required: a non-empty array of {tradeType, triggerPriceUsd, triggerDirection, currencyAmountUI, ...}");
        }

        var created = new List<JsonObject>();
        foreach (var item in settings)
        {
            if (item is not JsonObject s)
            {
                throw new DBotCallException("settings must contain objects");
            }

            var tradeType = RequireString(s, "tradeType");
            var direction = RequireString(s, "triggerDirection");
            if (tradeType is not ("buy" or "sell") || direction is not ("up" or "down"))
            {
                throw new DBotCallException($"tradeType '{tradeType}' must be buy or sell and triggerDirection '{direction}' up or down");
            }

            if (!FollowOrderTemplate.TryDecimal(s["triggerPriceUsd"], out var trigger) || trigger <= 0m || !FollowOrderTemplate.TryDecimal(s["currencyAmountUI"], out var amount) || amount <= 0m)
            {
                throw new DBotCallException("triggerPriceUsd and currencyAmountUI are required: positive decimals");
            }

            var order = new JsonObject
            {
                ["id"] = ids.Next(now), ["accountId"] = account.Id, ["enabled"] = OptionalBool(s, "enabled") ?? true, ["state"] = "init",
                ["chain"] = token.Chain, ["pairType"] = token.Dex, ["pair"] = token.Pair, ["token"] = token.Asset.Contract,
                ["groupId"] = p["groupId"]?.DeepClone(), ["tradeType"] = tradeType, ["basePriceUsd"] = prices[token.Asset.Contract],
                ["triggerDirection"] = direction, ["triggerPriceUsd"] = s["triggerPriceUsd"]!.DeepClone(), ["currencyAmountUI"] = s["currencyAmountUI"]!.DeepClone(),
                ["walletId"] = wallet.Id, ["walletAddress"] = wallet.Address, ["source"] = null, ["subSource"] = null,
                ["expireAt"] = null, ["errorCode"] = null, ["errorMessage"] = null,
            };
            foreach (var (key, value) in s.Where(p => !order.ContainsKey(p.Key)))
            {
                order[key] = value?.DeepClone();
            }

            created.Add(order);
        }

        account.LimitOrders.AddRange(created);
        return new DBotOutcome(new JsonObject { ["ids"] = new JsonArray([.. created.Select(o => o["id"]!.DeepClone())]) }, []);
    }

    private static DBotOutcome UpdateLimitOrder(DBotAccountState account, JsonObject p)
    {
        var order = Known(account.LimitOrders, [RequireString(p, "id")], "limit order")[0];
        if (p["triggerDirection"] is { } direction
            && (direction is not JsonValue text || text.GetValueKind() != System.Text.Json.JsonValueKind.String || text.GetValue<string>() is not ("up" or "down")))
        {
            throw new DBotCallException($"triggerDirection {direction.ToJsonString()} must be up or down");
        }

        foreach (var key in new[] { "triggerPriceUsd", "currencyAmountUI" })
        {
            if (p[key] is { } value && (!FollowOrderTemplate.TryDecimal(value, out var number) || number <= 0m))
            {
                throw new DBotCallException($"{key} {value.ToJsonString()} must be a positive decimal");
            }
        }

        if (p["enabled"] is { } flag && flag.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
        {
            throw new DBotCallException($"enabled {flag.ToJsonString()} must be true or false");
        }

        foreach (var key in new[] { "enabled", "groupId", "triggerPriceUsd", "triggerDirection", "currencyAmountUI", "customFeeAndTip", "priorityFee", "gasFeeDelta", "maxFeePerGas", "jitoEnabled", "jitoTip", "maxSlippage" })
        {
            if (p[key] is { } value)
            {
                order[key] = value.DeepClone();
            }
        }

        return DBotOutcome.Mutation;
    }

    private static DBotOutcome DeleteLimitOrders(DBotAccountState account, List<string> orderIds)
    {
        foreach (var order in Known(account.LimitOrders, orderIds, "limit order or TP/SL task"))
        {
            account.LimitOrders.Remove(order);
        }

        return DBotOutcome.Mutation;
    }

    private static DBotOutcome DeleteAllLimitOrders(DBotAccountState account)
    {
        account.LimitOrders.Clear();
        return DBotOutcome.Mutation;
    }

    private static (DBotTokenSpec Token, Engine.Simulator.Accounts.DexWalletOptions Wallet) PairAndWallet(DBotAccountState account, JsonObject p)
    {
        var chain = RequireString(p, "chain");
        var pair = RequireString(p, "pair");
        var token = DBotChainCatalog.Tokens.FirstOrDefault(t => t.Chain == chain && (t.Pair == pair || t.Asset.Contract == pair))
            ?? throw new DBotCallException($"pair '{pair}' is not a known {chain} pool");
        var walletId = RequireString(p, "walletId");
        var wallet = account.Wallet(walletId);
        if (wallet is null || DBotChainCatalog.Family(wallet.Chain) != DBotChainCatalog.Family(chain))
        {
            throw new DBotCallException($"walletId '{walletId}' is not one of this account's {chain} wallets");
        }

        return (token, wallet);
    }
}
