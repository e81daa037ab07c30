using System.Text.Json.Nodes;
using Engine.Simulator.Faults;

namespace Engine.Simulator.Venues.Binance;

/// <summary>
/// Market-data faults armed as fault rules (control API <c>POST /_control/faults</c>, <c>op</c> = the symbol, null = any):
/// a diff dropped, duplicated or held back behind the next one, a stale snapshot, a symbol's streams silenced for
/// <see cref="FaultRule.DelayMs"/> (its events in that time are lost, as on a stalled venue stream), every stream
/// connection closed. All under the venue lock.
/// </summary>
public sealed partial class BinanceSimulator
{
    private readonly Dictionary<string, JsonObject> heldDiffs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> stalledUntil = new(StringComparer.Ordinal);

    /// <summary>A one-shot fault set by method (<paramref name="armed"/>) or a fault rule of <paramref name="kind"/> for the symbol; consumes it.</summary>
    private bool DiffFault(HashSet<string> armed, FaultKind kind, string symbol) =>
        armed.Remove(symbol) || Faults.TryTake(kind, symbol) is not null;

    /// <summary>True while the symbol's streams are silenced; a <see cref="FaultKind.StallStream"/> rule starts a silence.</summary>
    private bool Stalled(string symbol, DateTimeOffset now)
    {
        if (stalledUntil.TryGetValue(symbol, out var until) && now < until)
        {
            return true;
        }

        if (Faults.TryTake(FaultKind.StallStream, symbol) is { } rule)
        {
            stalledUntil[symbol] = now + TimeSpan.FromMilliseconds(rule.DelayMs);
            return rule.DelayMs > 0;
        }

        return false;
    }

    private static void PublishDiff(List<BinanceStreamSession> sessions, string lower, JsonObject diff)
    {
        Publish(sessions, lower + "@depth", diff);
        Publish(sessions, lower + "@depth@100ms", diff);
    }
}
