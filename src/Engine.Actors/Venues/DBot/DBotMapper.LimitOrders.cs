using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Messages.Tasks;

namespace Engine.Actors.Venues.DBot;

/// <summary>
/// Limit orders and TP/SL tasks (reference §2.3 "Limit orders and TP/SL tasks", §5.4): creation checked field by
/// field before anything is sent, partial updates, the list calls, and listed objects as <see cref="LimitTask"/>s.
/// Trigger prices go as decimal strings (DBot's schema), amounts as JSON numbers; both are read back either way.
/// </summary>
public static partial class DBotMapper
{
    /// <summary>One page of limit orders and TP/SL tasks (0-based, 20 per page), filtered by what is not null.</summary>
    public static DBotVenueRequest ListLimitOrders(int page, string? chain, string? state, string? token) =>
        PageRequest(DBotWire.ListLimitOrders, page, ("chain", chain), ("state", state), ("token", token));

    /// <summary>One page of the TP/SL tasks the follow order <paramref name="followOrderId"/> created.</summary>
    public static DBotVenueRequest ListPnlOrdersFromFollowOrder(int page, string followOrderId, string? chain, string? state) =>
        PageRequest(DBotWire.ListPnlOrdersFromFollowOrder, page, ("sourceId", followOrderId), ("chain", chain), ("state", state));

    /// <summary>The tasks of a list page (its <c>res</c> array); an error naming what is wrong otherwise.</summary>
    public static Mapped<IReadOnlyList<LimitTask>> LimitTasks(string method, string? resJson)
    {
        if (resJson is null)
        {
            return new(null, $"{method} answered without res");
        }

        using var document = JsonDocument.Parse(resJson);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return new(null, $"{method} res is not an array: {Short(document.RootElement)}");
        }

        var tasks = new List<LimitTask>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || Text(item, "id") is not { } id)
            {
                return new(null, $"a task listed by {method} has no id: {Short(item)}");
            }

            tasks.Add(new LimitTask(
                id,
                Text(item, "chain") ?? string.Empty,
                Text(item, "pair") ?? string.Empty,
                Text(item, "token") ?? string.Empty,
                Text(item, "tradeType") ?? string.Empty,
                item.TryGetProperty("enabled", out var e) && e.ValueKind == JsonValueKind.True,
                Text(item, "state") ?? string.Empty,
                Number(item, "triggerPriceUsd"),
                Text(item, "triggerDirection") ?? string.Empty,
                Number(item, "currencyAmountUI"),
                Text(item, "walletId") ?? string.Empty,
                Text(item, "source"),
                Text(item, "sourceId"),
                Text(item, "errorCode"),
                item.GetRawText()));
        }

        return new(tasks, null);
    }

    /// <summary>The ids a create answered (<c>res: {"ids": [...]}</c>, or <c>{"id"}</c>); empty when it carried none.</summary>
    public static ImmutableArray<string> CreatedIds(string? resJson)
    {
        if (resJson is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(resJson);
        var res = document.RootElement;
        if (res.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        if (res.TryGetProperty("ids", out var ids) && ids.ValueKind == JsonValueKind.Array)
        {
            return [.. ids.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!)];
        }

        return Text(res, "id") is { } id ? [id] : [];
    }

    private static DBotVenueRequest PageRequest(string method, int page, params (string Key, string? Value)[] filters)
    {
        var parameters = new JsonObject { ["page"] = page, ["size"] = DBotWire.PageSize };
        foreach (var (key, value) in filters)
        {
            if (value is not null)
            {
                parameters[key] = value;
            }
        }

        return new DBotVenueRequest(method, parameters.ToJsonString(), IsQuery: true);
    }

    private static Mapped<DBotVenueRequest> CreateLimit(LimitOrderSpec spec)
    {
        if ((Required("chain", spec.Chain) ?? Required("pair", spec.Pair) ?? Required("walletId", spec.WalletId)) is { } missing)
        {
            return missing;
        }

        if (spec.Settings.IsDefaultOrEmpty)
        {
            return new(null, "settings: at least one limit-order setting is required");
        }

        var settings = new JsonArray();
        for (var i = 0; i < spec.Settings.Length; i++)
        {
            var s = spec.Settings[i];
            if (CheckLimit($"settings[{i}].", s.IsBuy, s.TriggerPriceUsd, s.TriggerDirection, s.CurrencyAmountUI) is { } error)
            {
                return new(null, error);
            }

            var setting = new JsonObject
            {
                ["enabled"] = s.Enabled,
                ["tradeType"] = s.IsBuy ? "buy" : "sell",
                ["triggerPriceUsd"] = Decimal(s.TriggerPriceUsd),
                ["triggerDirection"] = s.TriggerDirection,
                ["currencyAmountUI"] = s.CurrencyAmountUI,
            };
            foreach (var (key, raw) in s.Fields)
            {
                if (Set(setting, key, raw) is { } bad)
                {
                    return new(null, $"settings[{i}].{bad}");
                }
            }

            settings.Add(setting);
        }

        var parameters = new JsonObject { ["chain"] = spec.Chain, ["pair"] = spec.Pair, ["walletId"] = spec.WalletId, ["settings"] = settings };
        if (spec.GroupId is { } group)
        {
            parameters["groupId"] = group;
        }

        return new(new DBotVenueRequest(DBotWire.CreateLimitOrder, parameters.ToJsonString(), CreatesLimitOrder: true), null);
    }

    private static Mapped<DBotVenueRequest> UpdateLimit(string taskId, LimitOrderChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var parameters = new JsonObject { ["id"] = taskId };
        if (changes.Enabled is { } enabled)
        {
            parameters["enabled"] = enabled;
        }

        if (changes.TriggerPriceUsd is { } trigger)
        {
            if (trigger <= 0m)
            {
                return new(null, $"triggerPriceUsd: {trigger} must be positive");
            }

            parameters["triggerPriceUsd"] = Decimal(trigger);
        }

        if (changes.TriggerDirection is { } direction)
        {
            if (direction is not ("up" or "down"))
            {
                return new(null, $"triggerDirection: '{direction}' must be up or down");
            }

            parameters["triggerDirection"] = direction;
        }

        if (changes.CurrencyAmountUI is { } amount)
        {
            if (amount <= 0m)
            {
                return new(null, $"currencyAmountUI: {amount} must be positive");
            }

            parameters["currencyAmountUI"] = amount;
        }

        if (changes.GroupId is { } group)
        {
            parameters["groupId"] = group;
        }

        return parameters.Count == 1
            ? new(null, "changes: nothing to change; set at least one of enabled, triggerPriceUsd, triggerDirection, currencyAmountUI, groupId")
            : Rpc(DBotWire.UpdateLimitOrder, parameters);
    }

    private static string? CheckLimit(string at, bool isBuy, decimal trigger, string? direction, decimal amount)
    {
        if (trigger <= 0m)
        {
            return $"{at}triggerPriceUsd: {trigger.ToString(CultureInfo.InvariantCulture)} must be positive";
        }

        if (direction is not ("up" or "down"))
        {
            return $"{at}triggerDirection: '{direction}' must be up or down";
        }

        return amount <= 0m || (!isBuy && amount > 1m)
            ? $"{at}currencyAmountUI: {amount.ToString(CultureInfo.InvariantCulture)} must be a positive native amount for a buy, or a fraction in (0, 1] of the holding for a sell"
            : null;
    }
}
