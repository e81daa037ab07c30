using System.Globalization;
using Engine.Host.Api;

namespace Engine.Host.Cli;

/// <summary>Prints API answers as aligned text tables for <c>engine status</c> and the state commands.</summary>
internal static class StatusTableWriter
{
    public static void Write(ApiStatus status, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Engine: {status.EngineState}   at {status.Timestamp:yyyy-MM-dd HH:mm:ss}Z   PnL {N(status.TotalPnl)}"));
        output.WriteLine();
        Table(output, ["LOGIN", "VENUE", "STATE", "VENUE STATE", "NODE", "TRADING", "OPEN", "FILLS", "REJECTS"],
            status.Logins.Select(l => new[] { l.Name, l.Venue, l.Enabled ? l.State : "disabled", l.VenueState ?? "-", l.Node ?? "-", l.TradingState, I(l.OpenOrders), I(l.Fills), I(l.RejectStreak) }));
        if (status.Cluster is { } cluster)
        {
            output.WriteLine();
            WriteCluster(cluster, output);
        }

        output.WriteLine();
        Table(output, ["SCOPE", "TRADING", "DAY PNL", "CHANGED BY", "CAUSE"],
            status.Risk.Select(s => new[] { s.Scope, s.State, N(s.DailyPnl), s.ChangedBy ?? "-", s.Cause ?? "-" }));
        output.WriteLine();
        Table(output, ["LOGIN", "SYMBOL", "POSITION", "AVG COST", "LAST", "REALISED", "UNREALISED", "FEES", "PNL"],
            status.Positions.Select(p => new[] { p.Login, p.Symbol, N(p.Quantity), N(p.AverageCost), N(p.LastPrice), N(p.RealisedPnl), N(p.UnrealisedPnl), N(p.Fees), N(p.Pnl) }));
        output.WriteLine();
        Table(output, ["STRATEGY", "RUNNING", "TRADING", "LOGINS"],
            status.Strategies.Select(s => new[] { s.Name, s.Enabled ? (s.Running ? "yes" : "no") : "disabled", s.TradingState, string.Join(",", s.Logins) }));
        output.WriteLine();
        Table(output, ["LOGIN", "ORDER", "SIDE", "QTY", "PRICE", "STATUS", "FILLED"],
            status.OpenOrders.Select(o => new[] { o.Login, o.ClientOrderId, o.Side, N(o.Quantity), o.Price is { } p ? N(p) : "market", o.Status, N(o.Filled) }));
    }

    /// <summary>The cluster table: one row per member, with its shards and logins; the problem line when some node did not answer.</summary>
    public static void WriteCluster(ApiCluster cluster, TextWriter output)
    {
        output.WriteLine($"Cluster: {cluster.Members.Length} members, answered by {cluster.Self}");
        if (cluster.Problem is { } problem)
        {
            output.WriteLine($"  ({problem})");
        }

        Table(output, ["NODE", "STATUS", "REACHABLE", "LEADER", "OLDEST", "ROLES", "SHARDS", "LOGINS", "LOGIN NAMES"],
            cluster.Members.Select(m => new[]
            {
                m.Node, m.Status, m.Reachable ? "yes" : "NO", m.Leader ? "yes" : "-", m.Oldest ? "yes" : "-",
                m.Roles.IsEmpty ? "-" : string.Join(",", m.Roles), m.Shards is { } s ? I(s) : "?", m.Logins is { } n ? I(n) : "?",
                m.LoginNames.IsEmpty ? "-" : string.Join(",", m.LoginNames),
            }));
    }

    public static void WriteChange(ApiStateResult result, TextWriter output)
    {
        var what = result.Changed ? $"{result.From} -> {result.To}" : $"already {result.To}";
        var cancel = result.CancelWorkingOrders ? "; working orders cancelled" : string.Empty;
        output.WriteLine($"{result.Scope}: {what} (by {result.By}: {result.Cause}{cancel})");
    }

    private static void Table(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        if (all.Count == 1)
        {
            all.Add([.. header.Select((_, i) => i == 0 ? "(none)" : string.Empty)]);
        }

        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    private static string N(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
