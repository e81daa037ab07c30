using System.Globalization;
using Engine.Messages.Risk;

namespace Engine.Host.Audit;

/// <summary>Prints the trading-state changes as a table after the order audit: when, scope, from, to, by whom, why.</summary>
internal static class RiskAuditWriter
{
    /// <summary>Writes <paramref name="changes"/> within [<paramref name="from"/>, <paramref name="to"/>) to <paramref name="output"/>.</summary>
    public static void Write(IReadOnlyList<TradingStateChanged> changes, DateTimeOffset? from, DateTimeOffset? to, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(output);
        var shown = changes.Where(c => (from is null || c.Timestamp >= from) && (to is null || c.Timestamp < to)).ToList();
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Trading state changes: {shown.Count}"));
        foreach (var c in shown)
        {
            var cancel = c.CancelWorkingOrders ? " (working orders cancelled)" : string.Empty;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {c.Timestamp:yyyy-MM-ddTHH:mm:ss.fffZ}  {c.Scope,-24} {c.From,-8} -> {c.To,-8} by {c.By}: {c.Cause}{cancel}"));
        }
    }
}
