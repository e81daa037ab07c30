using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Engine.Actors.Audit;
using Engine.Host.Audit;
using Engine.Persistence.Journal;
using Engine.Persistence.PostgreSql;
using Engine.Messages.Identifiers;
using Engine.Simulator.Accounts;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Xunit.Abstractions;

namespace Engine.Cluster.Tests;

/// <summary>
/// <c>scripts/cluster-demo.sh</c> as a test, in this process: one quant gateway simulator with a moving market, three
/// engine nodes (each <c>engine run</c>'s runtime, the cluster defaults of <c>ClusterHocon</c>), 30 logins with one sample
/// market maker each; after some trading the node holding the most logins is killed, the test waits until every login
/// is Ready again on the survivors, trades on, stops both survivors and audits the PostgreSQL journal against the
/// venue's own record. The demo's JSON line is printed (the failover time is printed only). Asserted: nothing doubled (no
/// client order id twice, no journaled fill the venue did not make) and nothing lost silently (every venue fill the
/// journal lacks belongs to a login the audit flags, and only the killed node's logins are flagged). The quant gateway
/// keeps no fill history, so an order whose placement reply or fill notification died with the node and that filled
/// during the failover can be beyond any client's attribution; the audit is then not clean, and says which.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterDemoTests(ITestOutputHelper output) : ClusterTestBed(LoginNames, new MarketOptions { TickInterval = TimeSpan.FromMilliseconds(500) })
{
    private const int LoginCount = 30;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Trading = TimeSpan.FromSeconds(8);
    private static readonly string[] LoginNames = [.. Enumerable.Range(1, LoginCount).Select(i => $"qg-{i}")];

    [PostgreSqlFact]
    public async Task Killing_the_busiest_node_doubles_nothing_and_loses_nothing_the_audit_does_not_flag()
    {
        var ports = Enumerable.Range(0, 3).Select(_ => ClusterNode.FreePort()).ToArray();
        foreach (var port in ports)
        {
            Nodes.Add(await ClusterNode.StartAsync(Dir.File($"node-{port}.conf", Config(port, ports)), port));
        }

        var placement = await PlacementWaits.AwaitReadyAsync(Nodes, LoginNames, Patience);
        await Task.Delay(Trading);

        var victim = Nodes.OrderByDescending(n => placement.Values.Count(p => p == n)).First();
        var moved = placement.Where(p => p.Value == victim).Select(p => p.Key).ToList();
        var survivors = Nodes.Where(n => n != victim).ToList();
        var clock = Stopwatch.StartNew();
        await victim.CrashAsync();
        foreach (var node in survivors)
        {
            // A survivor heard the moved logins' Ready over pub-sub while they ran on the victim: only a new Ready counts.
            foreach (var login in moved)
            {
                node.States.TryRemove(login, out _);
            }
        }

        await PlacementWaits.AwaitReadyAsync(survivors, LoginNames, Patience);
        var failover = clock.Elapsed;
        output.WriteLine($"{moved.Count} login(s) of the killed node Ready on the survivors after {failover.TotalSeconds:F1} s");
        await Task.Delay(Trading);

        // Both survivors at once, as the demo stops them.
        await Task.WhenAll(survivors.Select(n => n.DisposeAsync().AsTask()));
        Nodes.Clear();
        using var control = Venue.CreateControlClient();
        var venue = await control.GetTruthAsync();
        var journal = new JournalOptions { Database = "postgresql", PostgreSql = new PostgreSqlOptions { ConnectionString = Db!.ConnectionString } };
        var report = OrderAudit.Run(await AuditJournalReader.ReadAsync(journal, CancellationToken.None), AuditFilter.All);

        var ids = report.Orders.Select(o => o.Final.ClientOrderId.Value).ToList();
        var fillsVenue = venue.Accounts.Sum(a => a.Fills.Count);
        var line = JsonSerializer.Serialize(new
        {
            logins = LoginCount,
            failover_seconds = Math.Round(failover.TotalSeconds, 1),
            orders = ids.Count,
            fills_journal = report.Fills.Length,
            fills_venue = fillsVenue,
            duplicate_client_ids = ids.Count - ids.Distinct(StringComparer.Ordinal).Count(),
            audit_clean = report.IsClean,
        });
        output.WriteLine(line);

        var story = $"{line}\naudit violations:\n{Explain(report)}\nfills the journal lacks:\n{MissingFills(venue, report)}";
        output.WriteLine(story);

        // Nothing doubled: no client order id twice, no journaled fill the venue did not make. An inferred fill names the
        // venue order that did fill (inferred:<venue id>, or inferred:<venue id>:<filled> for a fill the venue reported by
        // status), or, for an order whose venue id never reached the engine (inferred:cid:<client order id>), stands for a
        // venue fill of the same login, side and quantity on a venue order no journaled order has.
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.True(ids.Count > LoginCount, $"the market makers placed {ids.Count} orders for {LoginCount} logins");
        var venueFills = venue.Accounts.SelectMany(a => a.Fills.Select(f => (Login: a.AccountId, f.FillId, f.OrderId, Side: f.Side.ToString(), f.Quantity))).ToList();
        var knownOrders = report.Orders.Where(o => o.Final.VenueOrderId is not null).Select(o => (o.Final.Login.Value, o.Final.VenueOrderId!.Value.Value)).ToHashSet();
        var orphans = venueFills.Where(v => !knownOrders.Contains((v.Login, v.OrderId))).ToList();
        var covered = new HashSet<(string Login, string FillId)>();
        Assert.All(report.Fills, f =>
        {
            var id = f.FillId.Value;
            var found = !id.StartsWith("inferred:", StringComparison.Ordinal)
                ? venueFills.Where(v => v.Login == f.Login.Value && v.FillId == id)
                : id.StartsWith("inferred:cid:", StringComparison.Ordinal)
                    ? orphans.Where(v => v.Login == f.Login.Value && v.Side == f.Side.ToString() && v.Quantity == f.Quantity && !covered.Contains((v.Login, v.FillId))).Take(1)
                    : venueFills.Where(v => v.Login == f.Login.Value && v.OrderId == id["inferred:".Length..].Split(':')[0]);
            var matched = found.ToList();
            Assert.True(matched.Count > 0, $"{f.Login} fill {f.FillId} of {f.ClientOrderId} is not one the venue made\n{story}");
            covered.UnionWith(matched.Select(v => (v.Login, v.FillId)));
        });

        // Nothing lost silently: a fill the journal lacks (the quant gateway drops what it pushes to a dead node's socket and
        // keeps no history) is one the balance could not attribute, and the audit flags its login. Only the killed node's
        // logins may be flagged; with nothing flagged, the journal has every fill the venue made.
        var lacking = venueFills.Where(v => !covered.Contains((v.Login, v.FillId))).ToList();
        var flagged = report.Violations.Select(v => v.Login).ToHashSet(StringComparer.Ordinal);
        Assert.All(lacking, v => Assert.True(flagged.Contains(v.Login), $"{v.Login} lacks venue fill {v.FillId} and the audit does not flag it\n{story}"));
        Assert.All(report.Violations, v => Assert.True(moved.Any(m => m.Value == v.Login), $"{v.Login} was not on the killed node but the audit flags it\n{story}"));
        if (report.IsClean)
        {
            Assert.Equal(fillsVenue, report.Fills.Length);
        }
    }

    /// <summary>Each violation with the timeline of its order, for the failure message.</summary>
    private static string Explain(AuditReport report) => string.Join("\n", report.Violations.Select(v =>
    {
        var order = report.Orders.FirstOrDefault(o => o.Final.Login.Value == v.Login && o.Final.ClientOrderId.Value == v.ClientOrderId);
        var timeline = order is null ? string.Empty : string.Concat(order.Timeline.Select(t => $"\n    {t.Timestamp:HH:mm:ss.fff} {t.Event} -> {t.StatusAfter}: {t.Detail}"));
        return $"{v.Login} {v.ClientOrderId} {v.Event}: {v.Message}{timeline}";
    }));

    /// <summary>
    /// The venue's fills that no journaled fill (by login and fill id) matches, each with what the journal says of its order
    /// (found by venue id), for the failure message.
    /// </summary>
    private static string MissingFills(VenueTruth venue, AuditReport report)
    {
        var journaled = report.Fills.Select(f => (f.Login.Value, f.FillId.Value)).ToHashSet();
        var missing = venue.Accounts.SelectMany(a => a.Fills.Where(f => !journaled.Contains((a.AccountId, f.FillId))).Select(f =>
        {
            var order = report.Orders.FirstOrDefault(o => o.Final.Login.Value == a.AccountId && o.Final.VenueOrderId?.Value == f.OrderId);
            var sessions = string.Concat(report.Sessions.Where(x => x.Login.Value == a.AccountId).Select(x => $"\n    session {x.Start:HH:mm:ss.fff}-{x.End:HH:mm:ss.fff}: {x.How} [{string.Join(", ", x.LeftOpen)}]"));
            var unknown = string.Concat(report.Orders.Where(o => o.Final.Login.Value == a.AccountId && o.Final.VenueOrderId is null).Select(o => $"\n    without venue id: {o.Final.ClientOrderId} {o.Final.Status} {o.Final.Side} @ {o.Final.Price}"));
            var timeline = order is null ? $" (no journaled order has this venue id){sessions}{unknown}" : string.Concat(order.Timeline.Select(t => $"\n    {t.Timestamp:HH:mm:ss.fff} {t.Event} -> {t.StatusAfter}: {t.Detail}"));
            return $"{a.AccountId} fill {f.FillId} {f.Side} {f.Quantity} @ {f.Price} of order {f.OrderId} at {f.At:HH:mm:ss.fff} {order?.Final.ClientOrderId}{timeline}";
        }));
        return string.Join("\n", missing);
    }

    /// <summary>A node of the demo: the engine's cluster defaults (no tightened timings), 30 logins, one market maker each.</summary>
    private string Config(int port, int[] ports)
    {
        var logins = new StringBuilder();
        var strategies = new StringBuilder();
        foreach (var (login, i) in LoginNames.Select((l, i) => (l, i + 1)))
        {
            logins.Append(CultureInfo.InvariantCulture,
                $$"""    { name = {{login}}, venue = quant-gateway, quant-gateway { url = "{{Venue.WebSocketUri}}", platform = huobi, symbols = ["BTC/USDT"], access-key = {{login}}-key, secret-key = {{login}}-secret } }""");
            logins.AppendLine();
            strategies.Append(CultureInfo.InvariantCulture,
                $$"""    { name = mm-{{i}}, type = "Engine.Strategies.Samples.MarketMaker", assembly = "Engine.Strategies.Samples", logins = [{{login}}], parameters { symbol = "BTC/USDT", initial-mid = 50000, spread-bps = 4, order-size = 0.001, requote-threshold-bps = 2, refresh-interval = 2s, max-long = 0.01, max-short = 0.01 } }""");
            strategies.AppendLine();
        }

        var seeds = string.Join(", ", ports.Select(p => $"\"akka.tcp://engine@127.0.0.1:{p}\""));
        var pg = Db!.ConnectionString;
        return $$"""
            akka {
              loglevel = WARNING
              remote.dot-netty.tcp { hostname = "127.0.0.1", port = {{port}} }
              coordinated-shutdown.run-by-actor-system-terminate = off
              cluster {
                seed-nodes = [{{seeds}}]
                min-nr-of-members = 2
              }
            }
            engine {
              cluster { enabled = true, shards = 30 }
              journal { database = postgresql, postgresql.connection-string = "{{pg}}" }
              snapshot-store { database = postgresql, postgresql.connection-string = "{{pg}}" }
              run.status-interval = 1h
              logins = [
            {{logins}}  ]
              strategies = [
            {{strategies}}  ]
            }
            """;
    }
}
