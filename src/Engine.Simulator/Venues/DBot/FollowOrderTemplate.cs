using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.DBot;

/// <summary>
/// The full follow-order object with the service's defaults (§5; values from DBot's MCP schema), and the
/// replacement rule: a create or an edit stores exactly what was sent, every field left out reset to its default
/// (top level and inside <c>buySettings</c>/<c>sellSettings</c>), so a client that edits with a partial object
/// visibly loses fields. ASSUMPTION: the top-level <c>enabled</c> defaults to false.
/// </summary>
internal static class FollowOrderTemplate
{
    private static readonly string BuyDefaults = """
        {"enabled":true,"startHour":0,"endHour":23,"buyAmountType":"fixed_amount","maxBuyAmountUI":null,"buyRatio":1,
         "maxBalanceUI":null,"reservedAmountUI":null,"targetMinAmountUI":"0","targetMaxAmountUI":null,"minTokenMCUSD":null,
         "maxTokenMCUSD":null,"maxBuyTax":null,"maxSellTax":null,"customFeeAndTip":false,"priorityFee":"","gasFeeDelta":5,
         "maxFeePerGas":100,"jitoEnabled":true,"jitoTip":0.001,"maxSlippage":0.1,"skipFreezableToken":false,
         "skipMintableToken":false,"skipDelegatedToken":false,"skipNotOpensource":false,"skipHoneyPot":false,
         "skipTargetIncreasePosition":false,"minBurnedLp":null,"minLpUsd":null,"minTokenAgeMs":null,"maxTokenAgeMs":null,
         "maxTopHoldPercent":null,"maxBuyTimesPerToken":null,"maxBuyAmountPerToken":null,"buyExist":false,
         "buyOncePerWallet":false,"concurrentNodes":2,"retries":1}
        """;

    private static readonly string SellDefaults = """
        {"enabled":true,"startHour":0,"endHour":23,"mode":"mixed","sellAmountType":"follow_ratio","xTargetRatio":1,
         "sellSpeedType":"accurate","targetMinAmountUI":"0","targetMaxAmountUI":null,"stopEarnPercent":null,
         "stopLossPercent":null,"stopEarnGroup":[],"stopLossGroup":[],"trailingStopGroup":[],"pnlOrderExpireDelta":43200000,
         "pnlOrderExpireExecute":false,"pnlOrderUseMidPrice":false,"sellMode":"smart","migrateSellPercent":0,
         "minDevSellPercent":0.5,"devSellPercent":1,"customFeeAndTip":false,"priorityFee":"","gasFeeDelta":5,
         "maxFeePerGas":100,"jitoEnabled":true,"jitoTip":0.001,"maxSlippage":0.1,"concurrentNodes":2,"retries":1}
        """;

    /// <summary>
    /// Builds the stored object from what the client sent, with server-owned fields (<paramref name="id"/>,
    /// <paramref name="accountId"/>, times) set here; throws <see cref="DBotCallException"/> naming the first invalid field.
    /// </summary>
    public static JsonObject Build(JsonObject sent, string id, string accountId, IReadOnlyCollection<(string Id, string Chain)> wallets, long createdAt, long updatedAt)
    {
        var name = RequireString(sent, "name");
        var chain = RequireString(sent, "chain");
        if (!DBotChainCatalog.Natives.ContainsKey(chain) && chain is not ("base" or "bsc" or "tron"))
        {
            throw new DBotCallException($"chain '{chain}' is not supported; expected one of solana, ethereum, base, bsc, tron");
        }

        var targets = StringArray(sent, "targetIds") ?? throw new DBotCallException("targetIds is required: 1 to 10 wallet addresses");
        if (targets.Count is < 1 or > 10)
        {
            throw new DBotCallException($"targetIds has {targets.Count} addresses; expected 1 to 10");
        }

        var blacklist = StringArray(sent, "tokenBlacklist") ?? [];
        if (blacklist.Count > 20)
        {
            throw new DBotCallException($"tokenBlacklist has {blacklist.Count} tokens; at most 20 are allowed");
        }

        var dexFilter = sent["dexFilter"] is null ? null : StringArray(sent, "dexFilter") ?? throw new DBotCallException("dexFilter must be null or an array of DEX names");
        var walletId = RequireString(sent, "walletId");
        if (!wallets.Any(w => w.Id == walletId && DBotChainCatalog.Family(w.Chain) == DBotChainCatalog.Family(chain)))
        {
            throw new DBotCallException($"walletId '{walletId}' is not one of this account's {chain} wallets");
        }

        var buy = Settings(sent, "buySettings", BuyDefaults);
        if (!TryDecimal(buy["maxBuyAmountUI"], out var maxBuy) || maxBuy <= 0m)
        {
            throw new DBotCallException("buySettings.maxBuyAmountUI is required: a positive decimal string");
        }

        var sell = Settings(sent, "sellSettings", SellDefaults);
        var stored = new JsonObject
        {
            ["id"] = id,
            ["accountId"] = accountId,
            ["enabled"] = sent["enabled"] is JsonValue e && e.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? e.GetValue<bool>() : false,
            ["name"] = name,
            ["chain"] = chain,
            ["dexFilter"] = dexFilter is null ? null : new JsonArray([.. dexFilter.Select(d => (JsonNode)JsonValue.Create(d))]),
            ["targetIds"] = new JsonArray([.. targets.Select(t => (JsonNode)JsonValue.Create(t))]),
            ["tokenBlacklist"] = new JsonArray([.. blacklist.Select(t => (JsonNode)JsonValue.Create(t))]),
            ["walletId"] = walletId,
            ["groupId"] = sent["groupId"]?.DeepClone(),
            ["groupName"] = null,
            ["buySettings"] = buy,
            ["sellSettings"] = sell,
            ["createdAt"] = createdAt,
            ["updatedAt"] = updatedAt,
        };
        return stored;
    }

    /// <summary>A decimal from a JSON number or a numeric string (UI amounts, percents and prices come both ways).</summary>
    public static bool TryDecimal(JsonNode? node, out decimal value)
    {
        value = 0m;
        return node is JsonValue v && v.GetValueKind() switch
        {
            JsonValueKind.Number => decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            JsonValueKind.String => decimal.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static JsonObject Settings(JsonObject sent, string key, string defaults)
    {
        var result = JsonNode.Parse(defaults)!.AsObject();
        if (sent[key] is null)
        {
            return result;
        }

        if (sent[key] is not JsonObject given)
        {
            throw new DBotCallException($"{key} must be an object");
        }

        foreach (var (name, value) in given)
        {
            result[name] = value?.DeepClone();
        }

        return result;
    }

    private static string RequireString(JsonObject sent, string key) =>
        sent[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s
            ? s
            : throw new DBotCallException($"{key} is required: a non-empty string");

    private static List<string>? StringArray(JsonObject sent, string key)
    {
        if (sent[key] is not JsonArray array)
        {
            return null;
        }

        var result = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                throw new DBotCallException($"{key} must contain only strings");
            }

            result.Add(v.GetValue<string>());
        }

        return result;
    }
}
