using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Messages.Tasks;

namespace Engine.Actors.Venues.DBot;

/// <summary>
/// Task commands as DBot RPCs, checked before anything is sent (a bad command gets an error naming the field and what
/// is expected). <c>closePnlOrder</c> always goes as a JSON boolean and deletes always send <c>ids</c>; an edit is the
/// listed object with the changes applied, sent whole.
/// </summary>
public static partial class DBotMapper
{
    /// <summary>The RPC for <paramref name="command"/> (not an edit: see <see cref="Edit"/>), or why it cannot be sent.</summary>
    public static Mapped<DBotVenueRequest> Request(ITaskCommand command) => command switch
    {
        CreateFollowOrder c => Create(c.Spec),
        SetFollowOrderEnabled c => Ids([c.TaskId]) ?? Rpc(DBotWire.UpdateFollowOrder, new JsonObject { ["id"] = c.TaskId, ["enabled"] = c.Enabled, ["closePnlOrder"] = c.ClosePnlOrders }),
        ToggleFollowOrders c => Ids(c.TaskIds) ?? Rpc(DBotWire.BatchToggleFollowOrder, new JsonObject { ["ids"] = Array(c.TaskIds), ["enabled"] = c.Enabled, ["closePnlOrder"] = c.ClosePnlOrders }),
        ChangeFollowOrdersWallet c => Ids(c.TaskIds) ?? Required("walletId", c.WalletId) ?? Rpc(DBotWire.BatchUpdateFollowOrder, new JsonObject { ["ids"] = Array(c.TaskIds), ["walletId"] = c.WalletId }),
        DeleteFollowOrders c => Ids(c.TaskIds) ?? Rpc(DBotWire.DeleteFollowOrders, new JsonObject { ["ids"] = Array(c.TaskIds), ["deletePnlOrder"] = c.DeletePnlOrders }),
        CreateSwap c => Swap(c.Spec),
        CreateLimitOrders c => CreateLimit(c.Spec),
        UpdateLimitOrder c => Ids([c.TaskId]) ?? UpdateLimit(c.TaskId, c.Changes),
        DeleteLimitOrders c => Ids(c.TaskIds) ?? Rpc(DBotWire.DeleteLimitOrders, new JsonObject { ["ids"] = Array(c.TaskIds) }),
        EditFollowOrder => new(null, "an edit is sent after the task was read (read-modify-write)"),
        _ => new(null, $"{command.GetType().Name} is not a DBot task command"),
    };

    /// <summary>The task ids a command targets (empty for creates).</summary>
    public static ImmutableArray<string> TaskIdsOf(ITaskCommand command) => command switch
    {
        SetFollowOrderEnabled c => [c.TaskId],
        ToggleFollowOrders c => c.TaskIds.IsDefault ? [] : c.TaskIds,
        ChangeFollowOrdersWallet c => c.TaskIds.IsDefault ? [] : c.TaskIds,
        DeleteFollowOrders c => c.TaskIds.IsDefault ? [] : c.TaskIds,
        EditFollowOrder c => [c.TaskId],
        UpdateLimitOrder c => [c.TaskId],
        DeleteLimitOrders c => c.TaskIds.IsDefault ? [] : c.TaskIds,
        _ => [],
    };

    /// <summary>The venue operation of a command, for the journal and the audit.</summary>
    public static string OperationOf(ITaskCommand command) => command switch
    {
        CreateFollowOrder or EditFollowOrder => DBotWire.CreateOrUpdateFollowOrder,
        SetFollowOrderEnabled => DBotWire.UpdateFollowOrder,
        ToggleFollowOrders => DBotWire.BatchToggleFollowOrder,
        ChangeFollowOrdersWallet => DBotWire.BatchUpdateFollowOrder,
        DeleteFollowOrders => DBotWire.DeleteFollowOrders,
        CreateSwap => DBotWire.CreateSwapOrder,
        CreateLimitOrders => DBotWire.CreateLimitOrder,
        UpdateLimitOrder => DBotWire.UpdateLimitOrder,
        DeleteLimitOrders => DBotWire.DeleteLimitOrders,
        _ => command.GetType().Name,
    };

    /// <summary>
    /// Read-modify-write: <paramref name="listedJson"/> (the whole task as listed) with <paramref name="changes"/> applied,
    /// server-owned fields dropped (<c>accountId</c>, <c>groupName</c>, times), sent whole with its <c>id</c>.
    /// </summary>
    public static Mapped<DBotVenueRequest> Edit(string listedJson, FollowOrderChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (JsonNode.Parse(listedJson) is not JsonObject order)
        {
            return new(null, "the listed follow order is not an object");
        }

        foreach (var key in new[] { "accountId", "groupName", "createdAt", "updatedAt", "updateAt" })
        {
            order.Remove(key);
        }

        if (changes.Name is { } name)
        {
            order["name"] = name;
        }

        if (changes.WalletId is { } wallet)
        {
            order["walletId"] = wallet;
        }

        if (changes.TargetIds is { } targets)
        {
            if (targets.Length is < 1 or > 10)
            {
                return new(null, $"targetIds: {targets.Length} addresses given; expected 1 to 10");
            }

            order["targetIds"] = Array(targets);
        }

        if (changes.MaxBuyAmountUI is { } amount)
        {
            if (amount <= 0m)
            {
                return new(null, $"maxBuyAmountUI: {amount} must be positive");
            }

            (order["buySettings"] as JsonObject ?? (JsonObject)(order["buySettings"] = new JsonObject()))["maxBuyAmountUI"] = Decimal(amount);
        }

        foreach (var (path, raw) in changes.Fields)
        {
            if (Set(order, path, raw) is { } error)
            {
                return new(null, error);
            }
        }

        return Rpc(DBotWire.CreateOrUpdateFollowOrder, order);
    }

    /// <summary>One page of follow orders (0-based, 20 per page).</summary>
    public static DBotVenueRequest ListFollowOrders(int page, string? chain)
    {
        var parameters = new JsonObject { ["page"] = page, ["size"] = DBotWire.PageSize };
        if (chain is not null)
        {
            parameters["chain"] = chain;
        }

        return new DBotVenueRequest(DBotWire.ListFollowOrders, parameters.ToJsonString(), IsQuery: true);
    }

    /// <summary>Reads one fast swap (<c>getSwapOrder</c>).</summary>
    public static DBotVenueRequest GetSwapOrder(string swapId) =>
        new(DBotWire.GetSwapOrder, new JsonObject { ["orderId"] = swapId }.ToJsonString(), IsQuery: true);

    private static Mapped<DBotVenueRequest> Create(FollowOrderSpec spec)
    {
        if ((Required("name", spec.Name) ?? Required("chain", spec.Chain) ?? Required("walletId", spec.WalletId)) is { } missing)
        {
            return missing;
        }

        if (spec.TargetIds.IsDefault || spec.TargetIds.Length is < 1 or > 10 || spec.TargetIds.Any(string.IsNullOrWhiteSpace))
        {
            return new(null, $"targetIds: {(spec.TargetIds.IsDefault ? 0 : spec.TargetIds.Length)} addresses given; expected 1 to 10 non-empty addresses");
        }

        if (spec.MaxBuyAmountUI <= 0m)
        {
            return new(null, $"maxBuyAmountUI: {spec.MaxBuyAmountUI} must be positive");
        }

        var buy = new JsonObject { ["maxBuyAmountUI"] = Decimal(spec.MaxBuyAmountUI) };
        var sell = new JsonObject();
        if (spec.StopEarnPercent is { } earn)
        {
            sell["stopEarnPercent"] = earn;
        }

        if (spec.StopLossPercent is { } loss)
        {
            sell["stopLossPercent"] = loss;
        }

        foreach (var (target, extras) in new[] { (buy, spec.BuySettings), (sell, spec.SellSettings) })
        {
            foreach (var (key, raw) in extras)
            {
                if (Set(target, key, raw) is { } error)
                {
                    return new(null, error);
                }
            }
        }

        var order = new JsonObject
        {
            ["enabled"] = spec.Enabled,
            ["name"] = spec.Name,
            ["chain"] = spec.Chain,
            ["dexFilter"] = spec.DexFilter.IsDefaultOrEmpty ? null : Array(spec.DexFilter),
            ["targetIds"] = Array(spec.TargetIds),
            ["tokenBlacklist"] = Array(spec.TokenBlacklist.IsDefault ? [] : spec.TokenBlacklist),
            ["walletId"] = spec.WalletId,
            ["buySettings"] = buy,
            ["sellSettings"] = sell,
        };
        return Rpc(DBotWire.CreateOrUpdateFollowOrder, order);
    }

    private static Mapped<DBotVenueRequest> Swap(SwapSpec spec)
    {
        if ((Required("chain", spec.Chain) ?? Required("pair", spec.Pair) ?? Required("walletId", spec.WalletId)) is { } missing)
        {
            return missing;
        }

        if (spec.AmountOrPercent <= 0m || (!spec.IsBuy && spec.AmountOrPercent > 1m))
        {
            return new(null, $"amountOrPercent: {spec.AmountOrPercent} must be a positive native amount for a buy, or a fraction in (0, 1] of the holding for a sell");
        }

        return Rpc(DBotWire.CreateSwapOrder, new JsonObject
        {
            ["chain"] = spec.Chain, ["pair"] = spec.Pair, ["walletId"] = spec.WalletId, ["type"] = spec.IsBuy ? "buy" : "sell",
            ["amountOrPercent"] = spec.AmountOrPercent,
        });
    }

    /// <summary>Sets <paramref name="path"/> (dotted, at most one level deep) to the raw JSON <paramref name="raw"/>; an error for people otherwise.</summary>
    private static string? Set(JsonObject target, string path, string raw)
    {
        JsonNode? value;
        try
        {
            value = JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            return $"{path}: '{raw}' is not a JSON value (strings need quotes)";
        }

        var parts = path.Split('.');
        if (parts.Length > 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            return $"{path}: expected a field name or section.field (e.g. buySettings.maxSlippage)";
        }

        if (parts.Length == 1)
        {
            target[parts[0]] = value;
            return null;
        }

        if (target[parts[0]] is not JsonObject section)
        {
            section = new JsonObject();
            target[parts[0]] = section;
        }

        section[parts[1]] = value;
        return null;
    }

    private static Mapped<DBotVenueRequest>? Ids(ImmutableArray<string> ids) =>
        ids.IsDefaultOrEmpty || ids.Any(string.IsNullOrWhiteSpace)
            ? new Mapped<DBotVenueRequest>(null, "task ids: at least one non-empty DBot task id is required")
            : null;

    private static Mapped<DBotVenueRequest>? Required(string name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? new Mapped<DBotVenueRequest>(null, $"{name}: must not be empty") : null;

    private static Mapped<DBotVenueRequest> Rpc(string method, JsonObject parameters) => new(new DBotVenueRequest(method, parameters.ToJsonString()), null);

    private static JsonArray Array(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode)JsonValue.Create(i))]);

    /// <summary>UI amounts go as decimal strings (DBot's schema: <c>maxBuyAmountUI</c> is a string).</summary>
    private static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
