using Akka.Actor;
using Akka.Remote;
using Akka.Remote.Transport;
using Engine.Actors.Audit;
using Engine.Actors.Monitoring;
using Engine.Messages.Identifiers;

namespace Engine.Cluster.Tests;

/// <summary>
/// A partition: three nodes, one cut off from the other two (Akka.Remote's throttler transport adapter blackholes every
/// message between them both ways, as Akka's own multi-node test conductor does). The split-brain resolver (keep-majority)
/// downs the minority: the cut-off node downs itself and stops, the majority downs it and restarts its logins. No login has
/// two writers: every login of the cut-off node stopped there before it started on the majority side, and the journal
/// holds each login's events in one sequence with each session's start and end in order.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterPartitionTests
{
    [PostgreSqlFact]
    public async Task The_minority_is_downed_and_no_login_has_two_writers()
    {
        await using var cluster = await ThreeNodeCluster.CreateAsync(6, "akka.remote.dot-netty.tcp.applied-adapters = [trttl]", "akka.trttl.tcp");
        var log = new ClusterPartitionLog();
        for (var i = 0; i < 3; i++)
        {
            log.Follow(await cluster.StartNodeAsync(i));
        }

        var placement = await cluster.AwaitPlacementAsync(cluster.Nodes);

        // Cut off a node that is not the seed and hosts logins; the two others are the majority.
        var isolated = cluster.Nodes.Skip(1).OrderByDescending(n => placement.Values.Count(p => p == n)).First();
        var majority = cluster.Nodes.Where(n => n != isolated).ToList();
        var moved = placement.Where(p => p.Value == isolated).Select(p => p.Key).ToList();
        Assert.NotEmpty(moved);
        var isolatedAddress = Akka.Cluster.Cluster.Get(isolated.System).SelfAddress;
        foreach (var node in majority)
        {
            var address = Akka.Cluster.Cluster.Get(node.System).SelfAddress;
            Assert.True(await Transport(node).ManagementCommand(new SetThrottle(isolatedAddress, ThrottleTransportAdapter.Direction.Both, Blackhole.Instance)));
            Assert.True(await Transport(isolated).ManagementCommand(new SetThrottle(address, ThrottleTransportAdapter.Direction.Both, Blackhole.Instance)));
        }

        // The minority downs itself: its actor system ends. The majority removes it and runs every login again.
        await isolated.System.WhenTerminated.WaitAsync(ThreeNodeCluster.Patience);
        var after = await cluster.AwaitPlacementAsync(majority);
        await ClusterStatusTests.AwaitAsync(() => Task.FromResult(majority.All(n => Akka.Cluster.Cluster.Get(n.System).State.Members.All(m => m.Address != isolatedAddress))
            ? null
            : "the isolated node is still a member on the majority side"));

        var entries = log.Entries.OrderBy(e => e.Seq).ToList();
        var gone = entries.Single(e => e.Port == isolated.Port && e.What == "terminated").Seq;
        foreach (var login in moved)
        {
            // Where it stopped on the cut-off node (its release, or at the latest the end of that node's actor system)...
            var stopped = entries.Where(e => e.Port == isolated.Port && e.Login == login.Value && e.What == "released").Select(e => e.Seq).DefaultIfEmpty(gone).Min();
            Assert.True(entries.Any(e => e.Port == isolated.Port && e.Login == login.Value && e.What == "hosted"), $"{login} was never hosted on the isolated node");

            // ...precedes its start on the majority side: never two writers at once.
            var restarted = entries.First(e => e.Port == after[login].Port && e.Login == login.Value && e.What == "hosted" && e.Seq > entries.First(x => x.Login == login.Value && x.Port == isolated.Port).Seq);
            Assert.True(stopped < restarted.Seq, $"{login} started on node {after[login].Port} (#{restarted.Seq}) before it stopped on the isolated node (#{stopped}): {string.Join("; ", entries.Where(e => e.Login == login.Value || e.Login == "*"))}");
        }

        // It trades on the majority side, and the journal shows one history per login: its sessions one after another.
        foreach (var login in moved)
        {
            var id = new ClientOrderId($"{login.Value}-after-partition");
            await ThreeNodeCluster.SubmitAsync(majority[0], ThreeNodeCluster.Buy(login, id, 1001m));
            await ThreeNodeCluster.AwaitAcceptedAsync([after[login]], id);
        }

        var journal = await ClusterRebalanceTests.ReadJournalAsync(cluster);
        var audit = OrderAudit.Run(journal, AuditFilter.All);
        var isolatedName = NodeName.Of(isolatedAddress);
        foreach (var login in moved)
        {
            var stream = journal.Where(e => e.PersistenceId == $"orders/{login.Value}").Select(e => e.SequenceNr).ToList();
            Assert.Equal(Enumerable.Range(1, stream.Count).Select(i => (long)i), stream.Order());
            var sessions = audit.Sessions.Where(s => s.Login == login).ToList();
            Assert.Contains(sessions, s => s.Node == isolatedName);
            Assert.Equal(NodeName.Of(Akka.Cluster.Cluster.Get(after[login].System).SelfAddress), sessions[^1].Node);
            Assert.DoesNotContain(audit.Violations, v => v.Login == login.Value && v.Message.Contains("sequence", StringComparison.OrdinalIgnoreCase));
        }
    }

    private static RemoteTransport Transport(ClusterNode node) => ((RemoteActorRefProvider)((ExtendedActorSystem)node.System).Provider).Transport;
}
