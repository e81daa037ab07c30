using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Engine.Actors.Venues.DBot;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tasks;

/// <summary>
/// Settles a command whose outcome is unknown from the venue's complete list of follow orders, never by guessing:
/// creates are found by their unique name, toggles and wallet changes by the state of each id, deletes by the ids'
/// absence, edits by every sent field. Commands the list cannot tell about (fast swaps) stay unknown. Pure.
/// </summary>
public static class TaskResolver
{
    /// <summary>The resolution with its evidence, or null when the list cannot tell.</summary>
    public static (TaskResolution Resolution, string Evidence, ImmutableArray<string> TaskIds)? Resolve(TaskCommandIssued issued, IReadOnlyList<FollowOrder> listed)
    {
        ArgumentNullException.ThrowIfNull(issued);
        ArgumentNullException.ThrowIfNull(listed);
        var sent = JsonNode.Parse(issued.Payload) as JsonObject ?? [];
        var byId = listed.ToDictionary(o => o.Id, StringComparer.Ordinal);
        switch (issued.Operation)
        {
            case DBotWire.CreateOrUpdateFollowOrder when sent["id"] is null:
                var name = (string?)sent["name"];
                var found = listed.Where(o => o.Name == name).ToList();
                return found.Count switch
                {
                    0 => (TaskResolution.NotApplied, $"no follow order is named '{name}'", []),
                    1 => (TaskResolution.Applied, $"follow order {found[0].Id} is named '{name}'", [found[0].Id]),
                    _ => (TaskResolution.Applied, $"{found.Count} follow orders are named '{name}' (names should be unique)", [.. found.Select(o => o.Id)]),
                };
            case DBotWire.CreateOrUpdateFollowOrder:
                var id = (string)sent["id"]!;
                if (!byId.TryGetValue(id, out var edited))
                {
                    return (TaskResolution.NotApplied, $"follow order {id} is not listed", [id]);
                }

                var differing = Differences(sent, JsonNode.Parse(edited.Json) as JsonObject ?? []).ToList();
                return differing.Count == 0
                    ? (TaskResolution.Applied, $"follow order {id} shows every sent field", [id])
                    : (TaskResolution.NotApplied, $"follow order {id} differs in {string.Join(", ", differing.Take(5))}", [id]);
            case DBotWire.UpdateFollowOrder or DBotWire.BatchToggleFollowOrder:
                var enabled = (bool?)sent["enabled"] ?? false;
                return Count(issued.TaskIds, byId, o => o?.Enabled == enabled, enabled ? "enabled" : "disabled");
            case DBotWire.BatchUpdateFollowOrder:
                var wallet = (string?)sent["walletId"];
                return Count(issued.TaskIds, byId, o => o?.WalletId == wallet, $"on wallet {wallet}");
            case DBotWire.DeleteFollowOrders:
                return Count(issued.TaskIds, byId, o => o is null, "gone");
            default:
                return null;
        }
    }

    private static (TaskResolution, string, ImmutableArray<string>) Count(ImmutableArray<string> ids, Dictionary<string, FollowOrder> byId, Func<FollowOrder?, bool> inEffect, string what)
    {
        var done = ids.Where(i => inEffect(byId.GetValueOrDefault(i))).ToList();
        var resolution = done.Count == ids.Length ? TaskResolution.Applied : done.Count == 0 ? TaskResolution.NotApplied : TaskResolution.Partial;
        return (resolution, $"{done.Count} of {ids.Length} listed as {what}" + (resolution == TaskResolution.Partial ? $": {string.Join(", ", done)}" : string.Empty), ids);
    }

    private static IEnumerable<string> Differences(JsonObject sent, JsonObject listed, string prefix = "")
    {
        foreach (var (key, value) in sent)
        {
            var other = listed[key];
            if (value is JsonObject nested && other is JsonObject listedNested)
            {
                foreach (var difference in Differences(nested, listedNested, prefix + key + "."))
                {
                    yield return difference;
                }
            }
            else if (!JsonNode.DeepEquals(value, other))
            {
                yield return prefix + key;
            }
        }
    }
}
