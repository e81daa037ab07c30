using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.DBot;

/// <summary>
/// Synthetic chain activity: each round moves token prices (seeded walk, up to ±3 %), lets one or two leader
/// wallets trade, copies those trades into every matching enabled follow order, and fires TP/SL and limit tasks
/// whose trigger price was crossed. Execution succeeds or fails (<c>E_OTHERS</c>, at the fail rate) only in the trade
/// result; the calls that created the tasks were answered <c>err: false</c> long before.
/// </summary>
public sealed partial class DBotSimulator
{
    private List<DBotNotice> Round(DateTimeOffset now)
    {
        foreach (var token in DBotChainCatalog.Tokens.Where(t => !followed.Contains(t.Asset.Contract)))
        {
            var move = 1m + ((decimal)random.NextDouble() - 0.5m) * 0.06m;
            prices[token.Asset.Contract] = Math.Max(decimal.Round(prices[token.Asset.Contract] * move, 12), 0.000000000001m);
        }

        PublishPairInfo(DBotChainCatalog.Tokens, now);

        var notices = new List<DBotNotice>();
        var trades = 1 + random.Next(2);
        for (var i = 0; i < trades; i++)
        {
            var (chain, leader) = DBotChainCatalog.Leaders[random.Next(DBotChainCatalog.Leaders.Length)];
            var tokens = DBotChainCatalog.Tokens.Where(t => t.Chain == chain).ToList();
            notices.AddRange(Copy(leader, tokens[random.Next(tokens.Count)], random.NextDouble() < 0.6, now));
        }

        notices.AddRange(Triggers(now));
        return notices;
    }

    /// <summary>A notification to interleave before a reply: the account's enabled follow orders copy a buy of their first leader.</summary>
    private List<DBotNotice> Interleave(DBotAccountState account, DateTimeOffset now)
    {
        var notices = new List<DBotNotice>();
        foreach (var order in account.FollowOrders.Where(o => (bool?)o["enabled"] == true).ToList())
        {
            var chain = (string)order["chain"]!;
            if (DBotChainCatalog.Tokens.FirstOrDefault(t => t.Chain == chain) is { } token && order["targetIds"] is JsonArray { Count: > 0 } targets)
            {
                notices.AddRange(CopyInto(account, order, (string)targets[0]!, token, buy: true, now));
            }
        }

        return notices;
    }

    private List<DBotNotice> Copy(string leader, DBotTokenSpec token, bool buy, DateTimeOffset now)
    {
        PublishLeaderTrade(token, leader, buy, now);
        var notices = new List<DBotNotice>();
        foreach (var account in accountsByKey.Values)
        {
            foreach (var order in account.FollowOrders.ToList())
            {
                notices.AddRange(CopyInto(account, order, leader, token, buy, now));
            }
        }

        return notices;
    }

    private List<DBotNotice> CopyInto(DBotAccountState account, JsonObject order, string leader, DBotTokenSpec token, bool buy, DateTimeOffset now)
    {
        var taskId = (string)order["id"]!;
        if ((bool?)order["enabled"] != true || (string?)order["chain"] != token.Chain
            || order["targetIds"] is not JsonArray targets || !targets.Any(t => (string?)t == leader)
            || (order["dexFilter"] is JsonArray dexes && !dexes.Any(d => (string?)d == token.Dex))
            || (order["tokenBlacklist"] is JsonArray blocked && blocked.Any(b => (string?)b == token.Asset.Contract))
            || account.Wallet((string)order["walletId"]!) is not { } wallet)
        {
            return [];
        }

        var settings = (buy ? order["buySettings"] : order["sellSettings"]) as JsonObject;
        if (settings is null || (bool?)settings["enabled"] == false || !WithinHours(settings, now))
        {
            return [];
        }

        var holdingKey = taskId + "|" + token.Asset.Contract;
        var tradeId = $"{taskId}_{ids.Trade()}";
        var type = buy ? "follow_buy" : "follow_sell";
        if (buy)
        {
            FollowOrderTemplate.TryDecimal(settings["maxBuyAmountUI"], out var amount);
            var result = Execute(account, wallet, token, true, amount, BigInteger.Zero, tradeId, "follow_order", null, now, holdingKey);
            if (result.Succeeded)
            {
                CreatePnlTasks(account, order, wallet, token, tradeId, now);
            }

            return [new DBotNotice(account.Id, type + (result.Succeeded ? "_success" : "_fail"), result.Body)];
        }

        if ((string?)settings["mode"] == "only_pnl" || !account.Holdings.TryGetValue(holdingKey, out var held) || held.IsZero)
        {
            return [];
        }

        var sell = Execute(account, wallet, token, false, 0m, held, tradeId, "follow_order", null, now, holdingKey);
        return [new DBotNotice(account.Id, type + (sell.Succeeded ? "_success" : "_fail"), sell.Body)];
    }

    private static bool WithinHours(JsonObject settings, DateTimeOffset now)
    {
        var start = (int?)settings["startHour"] ?? 0;
        var end = (int?)settings["endHour"] ?? 23;
        var hour = now.UtcDateTime.Hour;
        return start <= end ? hour >= start && hour <= end : hour >= start || hour <= end;
    }

    /// <summary>TP/SL tasks for a copy buy when the sell settings ask for them (<c>mode</c> mixed or only_pnl, a percent set).</summary>
    private void CreatePnlTasks(DBotAccountState account, JsonObject order, Engine.Simulator.Accounts.DexWalletOptions wallet, DBotTokenSpec token, string tradeId, DateTimeOffset now)
    {
        if (order["sellSettings"] is not JsonObject sell || (string?)sell["mode"] == "only_copy")
        {
            return;
        }

        var price = prices[token.Asset.Contract];
        var expireDelta = (long?)sell["pnlOrderExpireDelta"] ?? 43_200_000;
        if (FollowOrderTemplate.TryDecimal(sell["stopEarnPercent"], out var earn) && earn > 0m)
        {
            account.LimitOrders.Add(PnlTask(account, order, wallet, token, tradeId, "up", price * (1m + earn), earn, now, expireDelta));
        }

        if (FollowOrderTemplate.TryDecimal(sell["stopLossPercent"], out var loss) && loss > 0m && loss < 1m)
        {
            account.LimitOrders.Add(PnlTask(account, order, wallet, token, tradeId, "down", price * (1m - loss), -loss, now, expireDelta));
        }
    }

    private JsonObject PnlTask(DBotAccountState account, JsonObject order, Engine.Simulator.Accounts.DexWalletOptions wallet, DBotTokenSpec token, string tradeId, string direction, decimal trigger, decimal percent, DateTimeOffset now, long expireDelta) => new()
    {
        ["id"] = ids.Next(now),
        ["accountId"] = account.Id,
        ["enabled"] = true,
        ["state"] = "init",
        ["chain"] = token.Chain,
        ["pairType"] = token.Dex,
        ["pair"] = token.Pair,
        ["token"] = token.Asset.Contract,
        ["tokenInfo"] = Info(token.Asset),
        ["currency"] = DBotChainCatalog.Natives[token.Chain].Contract,
        ["currencyInfo"] = Info(DBotChainCatalog.Natives[token.Chain]),
        ["tradeType"] = "sell",
        ["basePriceUsd"] = prices[token.Asset.Contract],
        ["triggerDirection"] = direction,
        ["triggerPriceUsd"] = Text(trigger),
        ["triggerPercent"] = percent,
        ["currencyAmountUI"] = 1,
        ["walletId"] = wallet.Id,
        ["walletType"] = DBotChainCatalog.Family(wallet.Chain),
        ["walletAddress"] = wallet.Address,
        ["walletName"] = wallet.Name,
        ["source"] = "follow_order",
        ["subSource"] = direction == "up" ? "follow_take_profit" : "follow_stop_loss",
        ["sourceGroupIdx"] = 0,
        ["sourceId"] = (string)order["id"]!,
        ["sourceTradeId"] = tradeId,
        ["expireAt"] = now.ToUnixTimeMilliseconds() + expireDelta,
        ["expireDelta"] = expireDelta,
        ["errorCode"] = null,
        ["errorMessage"] = null,
    };

    /// <summary>Fires enabled <c>init</c> TP/SL and limit tasks whose trigger was crossed; expires those past <c>expireAt</c>.</summary>
    private List<DBotNotice> Triggers(DateTimeOffset now)
    {
        var notices = new List<DBotNotice>();
        foreach (var account in accountsByKey.Values)
        {
            foreach (var task in account.LimitOrders.Where(t => (string?)t["state"] == "init" && (bool?)t["enabled"] == true).ToList())
            {
                if ((long?)task["expireAt"] is { } expireAt && now.ToUnixTimeMilliseconds() >= expireAt)
                {
                    task["state"] = "expired";
                    continue;
                }

                var token = Token((string)task["token"]!);
                if (token is null || !FollowOrderTemplate.TryDecimal(task["triggerPriceUsd"], out var trigger))
                {
                    continue;
                }

                var price = prices[token.Asset.Contract];
                var crossed = (string?)task["triggerDirection"] == "up" ? price >= trigger : price <= trigger;
                if (crossed && account.Wallet((string)task["walletId"]!) is { } wallet)
                {
                    notices.AddRange(Fire(account, task, wallet, token, now));
                }
            }
        }

        return notices;
    }

    private List<DBotNotice> Fire(DBotAccountState account, JsonObject task, Engine.Simulator.Accounts.DexWalletOptions wallet, DBotTokenSpec token, DateTimeOffset now)
    {
        var source = (string?)task["source"];
        var subSource = (string?)task["subSource"];
        var buy = (string?)task["tradeType"] == "buy";
        FollowOrderTemplate.TryDecimal(task["currencyAmountUI"], out var amount);
        var owner = source == "follow_order" ? (string)task["sourceId"]! : wallet.Id;
        var holdingKey = owner + "|" + token.Asset.Contract;
        account.Holdings.TryGetValue(holdingKey, out var held);
        var sellUnits = buy ? BigInteger.Zero : new BigInteger(decimal.Truncate((decimal)held * Math.Clamp(amount, 0m, 1m)));
        task["state"] = "processing";
        if (!buy && sellUnits.IsZero)
        {
            task["state"] = "fail";
            task["errorCode"] = "E_OTHERS";
            task["errorMessage"] = "nothing left to sell";
            return [];
        }

        var id = source == "follow_order" ? (string)task["sourceTradeId"]! + "_" + ids.Trade() : (string)task["id"]!;
        var result = Execute(account, wallet, token, buy, amount, sellUnits, id, "limit_order", subSource, now, holdingKey);
        task["state"] = result.Succeeded ? "done" : "fail";
        task["errorCode"] = result.Body["errorCode"]?.DeepClone();
        task["errorMessage"] = result.Body["errorMessage"]?.DeepClone();
        if (source == "follow_order")
        {
            foreach (var sibling in account.LimitOrders.Where(t => t != task && (string?)t["sourceTradeId"] == (string?)task["sourceTradeId"] && (string?)t["state"] == "init"))
            {
                sibling["state"] = "expired";
            }
        }

        var kind = subSource ?? (buy ? "limit_buy" : "limit_sell");
        return [new DBotNotice(account.Id, kind + (result.Succeeded ? "_success" : "_fail"), result.Body)];
    }

    /// <summary>
    /// Executes one trade at the token's current price: a buy spends <paramref name="nativeUi"/> of the chain's currency,
    /// a sell sells <paramref name="sellUnits"/> token base units; fails at the fail rate. Returns the trade result body.
    /// </summary>
    private (bool Succeeded, JsonObject Body) Execute(
        DBotAccountState account, Engine.Simulator.Accounts.DexWalletOptions wallet, DBotTokenSpec token, bool buy, decimal nativeUi, BigInteger sellUnits,
        string id, string source, string? subSource, DateTimeOffset now, string holdingKey)
    {
        var native = DBotChainCatalog.Natives[token.Chain];
        var price = prices[token.Asset.Contract];
        var body = new JsonObject
        {
            ["id"] = id,
            ["state"] = "done",
            ["source"] = source,
            ["subSource"] = subSource,
            ["chain"] = token.Chain,
            ["createAt"] = now.ToUnixTimeMilliseconds(),
            ["wallet"] = wallet.Address,
            ["type"] = buy ? "buy" : "sell",
            ["token"] = token.Asset.Contract,
            ["pair"] = token.Pair,
            ["symbol"] = token.Asset.Symbol,
        };
        if (random.NextDouble() < failRate)
        {
            body["state"] = "fail";
            body["block"] = null;
            body["hash"] = null;
            body["timestamp"] = null;
            body["errorCode"] = "E_OTHERS";
            body["errorMessage"] = "Simulation failed: Transaction simulation failed: Error processing Instruction 3: custom program error: 0x1771";
            return (false, body);
        }

        BigInteger nativeUnits;
        BigInteger tokenUnits;
        if (buy)
        {
            nativeUnits = Units(nativeUi, native.Decimals);
            tokenUnits = Units(nativeUi * prices[native.Contract] / price, token.Asset.Decimals);
            account.Holdings[holdingKey] = account.Holdings.GetValueOrDefault(holdingKey) + tokenUnits;
        }
        else
        {
            tokenUnits = sellUnits;
            var tokenUi = (decimal)sellUnits / Pow10(token.Asset.Decimals);
            nativeUnits = Units(tokenUi * price / prices[native.Contract], native.Decimals);
            account.Holdings[holdingKey] = account.Holdings.GetValueOrDefault(holdingKey) - sellUnits;
        }

        var (sendAsset, sendUnits, receiveAsset, receiveUnits) = buy ? (native, nativeUnits, token.Asset, tokenUnits) : (token.Asset, tokenUnits, native, nativeUnits);
        body["block"] = ++block;
        body["hash"] = Hash(token.Chain);
        body["timestamp"] = now.ToUnixTimeSeconds();
        body["send"] = new JsonObject { ["info"] = Info(sendAsset), ["amount"] = sendUnits.ToString(CultureInfo.InvariantCulture) };
        body["receive"] = new JsonObject { ["info"] = Info(receiveAsset), ["amount"] = receiveUnits.ToString(CultureInfo.InvariantCulture) };
        body["priceUsd"] = price;
        body["dbotFee"] = (nativeUnits / 100).ToString(CultureInfo.InvariantCulture);
        body["errorCode"] = null;
        body["errorMessage"] = null;
        var nativeUiDone = (decimal)nativeUnits / Pow10(native.Decimals);
        PublishTrade(token, wallet.Address, buy, nativeUiDone, (decimal)tokenUnits / Pow10(token.Asset.Decimals), (string)body["hash"]!, now);
        return (true, body);
    }

    private static JsonObject Info(DBotAsset asset) => new()
    {
        ["contract"] = asset.Contract,
        ["name"] = asset.Name,
        ["symbol"] = asset.Symbol,
        ["decimals"] = asset.Decimals,
        ["icon"] = string.Empty,
        ["totalSupply"] = "1000000000",
        ["tokenProgram"] = null,
        ["mintAuthority"] = null,
        ["freezeAuthority"] = null,
        ["createAt"] = 1_700_000_000_000,
    };

    private string Hash(string chain)
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return chain == "solana" ? Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', 'x').Replace('/', 'y') : "0x" + Convert.ToHexStringLower(bytes);
    }

    private static BigInteger Units(decimal ui, int decimals) => new(decimal.Truncate(ui * Pow10(decimals)));

    private static decimal Pow10(int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++)
        {
            result *= 10m;
        }

        return result;
    }

    private static string Text(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
