using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Actors.Venues.DBot;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tasks;

/// <summary>
/// Settles a limit-order command whose outcome is unknown from the venue's complete list of limit orders and TP/SL
/// tasks, never by guessing. A create has no name to find it by: each sent setting is matched to a listed limit order
/// with the same pool, wallet, side, trigger and amount that no other command of the login created (the
/// <c>claimed</c> ids); updates by every sent field of the id; deletes by the ids' absence. Pure.
/// </summary>
public static class LimitTaskResolver
{
    /// <summary>The operations this resolver settles.</summary>
    public static bool Handles(string operation) =>
        operation is DBotWire.CreateLimitOrder or DBotWire.UpdateLimitOrder or DBotWire.DeleteLimitOrders;

    /// <summary>The resolution with its evidence, or null when <paramref name="issued"/> is not a limit-order command.</summary>
    public static (TaskResolution Resolution, string Evidence, ImmutableArray<string> TaskIds)? Resolve(TaskCommandIssued issued, IReadOnlyList<LimitTask> listed, IReadOnlySet<string> claimed)
    {
        ArgumentNullException.ThrowIfNull(issued);
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(claimed);
        var sent = JsonNode.Parse(issued.Payload) as JsonObject ?? [];
        var byId = listed.ToDictionary(t => t.Id, StringComparer.Ordinal);
        switch (issued.Operation)
        {
            case DBotWire.CreateLimitOrder:
                return Created(sent, listed, claimed);
            case DBotWire.UpdateLimitOrder:
                var id = (string?)sent["id"] ?? string.Empty;
                if (!byId.TryGetValue(id, out var current))
                {
                    return (TaskResolution.NotApplied, $"limit order {id} is not listed", [id]);
                }

                var listedObject = JsonNode.Parse(current.Json) as JsonObject ?? [];
                var differing = sent.Where(p => p.Key != "id" && !Same(p.Value, listedObject[p.Key])).Select(p => p.Key).ToList();
                return differing.Count == 0
                    ? (TaskResolution.Applied, $"limit order {id} shows every sent field", [id])
                    : (TaskResolution.NotApplied, $"limit order {id} differs in {string.Join(", ", differing)}", [id]);
            case DBotWire.DeleteLimitOrders:
                var ids = issued.TaskIds;
                var gone = ids.Where(i => !byId.ContainsKey(i)).ToList();
                var resolution = gone.Count == ids.Length ? TaskResolution.Applied : gone.Count == 0 ? TaskResolution.NotApplied : TaskResolution.Partial;
                return (resolution, $"{gone.Count} of {ids.Length} listed as gone" + (resolution == TaskResolution.Partial ? $": {string.Join(", ", gone)}" : string.Empty), ids);
            default:
                return null;
        }
    }

    private static (TaskResolution, string, ImmutableArray<string>) Created(JsonObject sent, IReadOnlyList<LimitTask> listed, IReadOnlySet<string> claimed)
    {
        var pair = (string?)sent["pair"] ?? string.Empty;
        var wallet = (string?)sent["walletId"] ?? string.Empty;
        var settings = sent["settings"] as JsonArray ?? [];
        var taken = new HashSet<string>(claimed, StringComparer.Ordinal);
        var found = new List<string>();
        foreach (var setting in settings.OfType<JsonObject>())
        {
            var match = listed.FirstOrDefault(t =>
                !taken.Contains(t.Id) && t.Source is null && (t.Pair == pair || t.Token == pair) && t.WalletId == wallet
                && t.Side == (string?)setting["tradeType"] && t.TriggerDirection == (string?)setting["triggerDirection"]
                && t.TriggerPriceUsd == Decimal(setting["triggerPriceUsd"]) && t.CurrencyAmountUI == Decimal(setting["currencyAmountUI"]));
            if (match is not null)
            {
                taken.Add(match.Id);
                found.Add(match.Id);
            }
        }

        var resolution = found.Count == settings.Count ? TaskResolution.Applied : found.Count == 0 ? TaskResolution.NotApplied : TaskResolution.Partial;
        var evidence = $"{found.Count} of {settings.Count} settings found as limit orders on {pair} from wallet {wallet} that no other command created"
            + (found.Count > 0 ? $": {string.Join(", ", found)}" : string.Empty);
        return (resolution, evidence, [.. found]);
    }

    /// <summary>Equal JSON, or equal decimals when both are numbers or numeric strings (DBot writes either).</summary>
    private static bool Same(JsonNode? sent, JsonNode? listed) =>
        JsonNode.DeepEquals(sent, listed) || (Decimal(sent) is { } a && Decimal(listed) is { } b && a == b);

    private static decimal? Decimal(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.Number => value.GetValue<decimal>(),
            JsonValueKind.String when decimal.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        }
        : null;
}
