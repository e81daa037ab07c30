using System.Globalization;
using Engine.Actors.Audit;
using Engine.Actors.Orders;

namespace Engine.Host.Audit;

/// <summary>The audit for people: each order's timeline, then the summary, then the violations.</summary>
internal static class AuditTableWriter
{
    public static void Write(AuditReport report, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        foreach (var order in report.Orders.Concat(report.ExternalOrders))
        {
            var o = order.Final;
            output.WriteLine(string.Create(c,
                $"{o.Login} {o.ClientOrderId}{(o.IsExternal ? " EXTERNAL" : string.Empty)} {o.Side} {o.Quantity} {o.Symbol} {o.Type}{(o.Price is { } p ? $" @ {p}" : string.Empty)} -> {o.Status}, filled {o.FilledQuantity}{(o.FilledQuantity > 0 ? $" avg {Math.Round(o.AveragePrice, 8)}" : string.Empty)}"));
            foreach (var entry in order.Timeline)
            {
                var mark = entry.Outcome switch
                {
                    TransitionOutcome.Applied => " ",
                    TransitionOutcome.Ignored => "~",
                    _ => "!",
                };
                output.WriteLine(string.Create(c, $"  {mark} #{entry.SequenceNr,-5} {entry.Timestamp:yyyy-MM-dd HH:mm:ss.fff} {entry.Event,-22} {entry.StatusAfter,-15} {entry.Detail}"));
            }
        }

        output.WriteLine();
        output.WriteLine(string.Create(c, $"Summary: {report.EventsRead} events, {report.Orders.Length} orders, {report.Fills.Length} fills"));
        output.WriteLine("  orders by final status: " + string.Join(", ", report.OrdersByStatus.Select(kv => $"{kv.Key} {kv.Value}")));
        output.WriteLine("  volume: " + string.Join(", ", report.VolumeBySymbol.Select(kv => string.Create(c, $"{kv.Key} {kv.Value}"))));
        output.WriteLine("  fees: " + (report.FeesByAsset.Count == 0
            ? "none reported by the venue"
            : string.Join(", ", report.FeesByAsset.Select(kv => string.Create(c, $"{kv.Value} {kv.Key}")))));
        foreach (var position in report.Positions)
        {
            var p = position.Position;
            output.WriteLine(string.Create(c,
                $"  position {position.Login} {p.Symbol}: {p.Quantity} (avg {Math.Round(p.AverageCost, 8)}, realised {Math.Round(p.RealisedPnl, 8)}, fees {Math.Round(p.Fees, 8)}, {p.Fills} fills)"));
        }

        output.WriteLine(string.Create(c,
            $"  external: {report.ExternalOrders.Length} orders, {report.ExternalFills.Length} fills (counted in the positions); inferred venue ids: {report.InferredVenueIds}; inferred fills: {report.InferredFills}"));
        foreach (var b in report.BalanceChecks)
        {
            output.WriteLine(string.Create(c,
                $"  balance (c) {b.Login} {b.Asset}: venue {b.LastReported}, journal {b.Expected} (first {b.FirstReported}, fills {b.FromFills}, adjustments {b.Adjustments}) {(b.Holds ? "ok" : "MISMATCH")}"));
        }
        foreach (var session in report.Sessions)
        {
            output.WriteLine(string.Create(c,
                $"  session {session.Login} on {session.Node ?? "an unnamed node"} {session.Start:yyyy-MM-dd HH:mm:ss} .. {session.End:yyyy-MM-dd HH:mm:ss}: {session.How}{(session.LeftOpen.IsEmpty ? string.Empty : $"; left open: {string.Join(", ", session.LeftOpen)}")}"));
        }

        foreach (var login in report.ProtocolViolations.GroupBy(v => v.Login.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(c, $"Venue protocol violations of {login.Key}: {login.Count()}"));
            foreach (var v in login)
            {
                output.WriteLine(string.Create(c, $"  #{v.SequenceNr} order {v.ClientOrderId} ({v.Report}): {v.Reason}{(v.RawFrame is { } raw ? $" | frame {raw}" : string.Empty)}"));
            }
        }

        output.WriteLine(report.IsClean ? "No violations." : string.Create(c, $"{report.Violations.Length} violation(s):"));
        foreach (var violation in report.Violations)
        {
            output.WriteLine($"  VIOLATION {violation}");
        }
    }
}
