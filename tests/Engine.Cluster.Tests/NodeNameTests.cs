using System.Text;
using System.Text.Json;
using Akka.Actor;
using Engine.Actors.Audit;
using Engine.Actors.Monitoring;
using Engine.Actors.Orders;
using Engine.Host.Audit;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Cluster.Tests;

/// <summary>
/// Sessions name their node: a cluster node is <c>host:port</c> of its Akka address, a single node its host name; the book
/// journals <see cref="SessionStarted"/> with it and <see cref="SessionEnded"/> carries it; an old <see cref="SessionEnded"/>
/// without it still reads; the audit names each session's node, a crashed one included, in text and in JSON.
/// </summary>
public sealed class NodeNameTests
{
    private static readonly LoginId Login = new("qg-1");
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_cluster_node_is_named_by_its_remote_host_and_port_and_a_single_node_by_its_host_name()
    {
        Assert.Equal("127.0.0.1:2551", NodeName.Of(new Address("akka.tcp", "engine", "127.0.0.1", 2551)));
        Assert.Equal(Environment.MachineName, NodeName.Of(new Address("akka", "engine")));
        using var single = ActorSystem.Create("engine", "akka.loglevel = OFF");
        Assert.Equal(Environment.MachineName, NodeName.Of(single));
    }

    [Fact]
    public void Session_events_keep_their_node_in_the_journal_and_an_old_session_end_without_one_still_reads()
    {
        var registry = OrderJournal.CreateRegistry();
        var started = new SessionStarted(Login, ExternalOrderId.Session, T0, "127.0.0.1:2552");
        var ended = new SessionEnded(Login, ExternalOrderId.Session, T0.AddSeconds(5), "drained", [], "127.0.0.1:2552");

        foreach (IOrderEvent e in new IOrderEvent[] { started, ended })
        {
            var stored = registry.Serialize(e);
            var back = registry.Deserialize(stored.Manifest, stored.Payload, "orders/qg-1");
            Assert.Equal(e.ToString(), back.ToString());
        }

        // As journaled before sessions named their node: no Node property at all.
        var old = """{"Login":"qg-1","ClientOrderId":"~session","Timestamp":"2026-12-07T06:00:05+00:00","How":"drained","Leftovers":[]}""";
        var read = Assert.IsType<SessionEnded>(registry.Deserialize(registry.ManifestOf(typeof(SessionEnded)).ToString(), old, "orders/qg-1"));
        Assert.Null(read.Node);
        Assert.Equal("drained", read.How);
    }

    [Fact]
    public void The_audit_names_the_node_of_each_session_a_crashed_one_included_in_text_and_json()
    {
        var events = new IOrderEvent[]
        {
            new SessionStarted(Login, ExternalOrderId.Session, T0, "127.0.0.1:2551"),
            Submitted("a", 1),

            // The first node died here: no SessionEnded. The login started again on another node.
            new SessionStarted(Login, ExternalOrderId.Session, T0.AddSeconds(20), "127.0.0.1:2552"),
            new OrderStatusUnknown(Login, new ClientOrderId("a"), T0.AddSeconds(20), "the engine restarted before the venue answered the place request"),
            new OrderRejected(Login, new ClientOrderId("a"), T0.AddSeconds(21), "no such order at the venue"),
            new SessionEnded(Login, ExternalOrderId.Session, T0.AddSeconds(30), "drained", [], "127.0.0.1:2552"),

            // A session of an older engine: its end names no node.
            Submitted("b", 40),
            new OrderRejected(Login, new ClientOrderId("b"), T0.AddSeconds(41), "insufficient balance"),
            new SessionEnded(Login, ExternalOrderId.Session, T0.AddSeconds(50), "drained", []),
        };

        var report = OrderAudit.Run(events.Select((e, i) => new AuditedEvent(i + 1, "orders/qg-1", i + 1, e)), AuditFilter.All);

        Assert.Equal(
            [("127.0.0.1:2551", false, T0, T0.AddSeconds(1)), ("127.0.0.1:2552", true, T0.AddSeconds(20), T0.AddSeconds(30)), (null, true, T0.AddSeconds(40), T0.AddSeconds(50))],
            report.Sessions.Select(s => (s.Node, s.EndedInOrder, s.Start, s.End)).ToArray());
        Assert.Contains("crashed", report.Sessions[0].How, StringComparison.Ordinal);
        Assert.Equal(["a (Submitted, venue id unknown)"], report.Sessions[0].LeftOpen.ToArray());

        var text = new StringWriter();
        AuditTableWriter.Write(report, text);
        Assert.Contains("session qg-1 on 127.0.0.1:2551 2026-12-07 06:00:00 .. 2026-12-07 06:00:01: no journaled end: crashed", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("session qg-1 on 127.0.0.1:2552 2026-12-07 06:00:20 .. 2026-12-07 06:00:30: drained", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("session qg-1 on an unnamed node 2026-12-07 06:00:40", text.ToString(), StringComparison.Ordinal);

        using var json = new MemoryStream();
        AuditJsonWriter.Write(report, json);
        var sessions = JsonDocument.Parse(Encoding.UTF8.GetString(json.ToArray())).RootElement.GetProperty("sessions");
        Assert.Equal(new string?[] { "127.0.0.1:2551", "127.0.0.1:2552", null }, sessions.EnumerateArray().Select(s => s.GetProperty("node").GetString()).ToArray());
    }

    private static OrderSubmitted Submitted(string id, int at) =>
        new(Login, new ClientOrderId(id), T0.AddSeconds(at), new Symbol("BTC/USDT"), OrderSide.Buy, OrderType.Limit, 0.01m, 1000m);
}
