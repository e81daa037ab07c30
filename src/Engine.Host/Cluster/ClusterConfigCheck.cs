using Engine.Host.Configuration;
using Engine.Host.Runtime;

namespace Engine.Host.Cluster;

/// <summary>
/// What a cluster node needs from the <c>engine</c> section beyond well-formed values: a journal and a snapshot store that
/// every node shares (PostgreSQL; an SQLite file or an in-memory database is one process's), and logins that can move
/// between nodes (no in-process <c>sim://</c> simulator, which would be a different venue on each node; no socket group,
/// whose logins share one socket in one process). Pure; empty when clustering is off.
/// </summary>
public static class ClusterConfigCheck
{
    /// <summary>One message per problem, naming the key, what it holds and what a cluster expects.</summary>
    public static IReadOnlyList<string> Problems(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Cluster.Enabled)
        {
            return [];
        }

        var problems = new List<string>();
        var journal = options.Journal.ResolvedDatabase();
        if (journal != "postgresql")
        {
            problems.Add($"cluster.enabled = true needs a journal every node shares: engine.journal.database must be postgresql, got '{journal}' "
                + "(a login moves between nodes and recovers its book from the journal; SQLite stays the single-node default)");
        }

        var snapshots = options.SnapshotStore.ResolvedDatabase();
        if (snapshots != "postgresql")
        {
            problems.Add($"cluster.enabled = true needs a snapshot store every node shares: engine.snapshot-store.database must be postgresql, got '{snapshots}'");
        }

        foreach (var login in options.Logins.Where(l => l.Enabled))
        {
            if (login.Url is { Scheme: SimulatedVenues.Scheme } url)
            {
                problems.Add($"cluster.enabled = true: login '{login.Name}' uses {url}, an in-process simulator that each node would run apart; "
                    + "start one with 'engine simulate' and give its ws:// URL");
            }

            if (login.SocketGroup is { Length: > 0 } group)
            {
                problems.Add($"cluster.enabled = true: login '{login.Name}' is in socket-group '{group}', whose logins share one socket in one process; "
                    + "remove socket-group (each login moves between nodes on its own)");
            }
        }

        return problems;
    }
}
