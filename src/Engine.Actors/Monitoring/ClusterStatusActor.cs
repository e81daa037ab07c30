using Akka.Actor;
using Akka.Cluster.Sharding;
using Engine.Actors.Runtime;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Monitoring;

/// <summary>
/// One per cluster node (<c>/user/cluster-status</c>; a single node has none): answers <see cref="GetClusterStatus"/> with
/// the <see cref="ClusterStatus"/> of the moment and logs its lines with the status lines every interval. Each time it asks
/// the login shard region for Akka's <see cref="GetClusterShardingStats"/> (the region collects every node's shards and
/// entity counts within <see cref="StatsTimeout"/>) and reads the membership from <c>Cluster.State</c>; an answer that does
/// not come is reported in <see cref="ClusterStatus.Problem"/>, never waited for beyond the timeout. Requests arriving
/// while a query runs share its answer.
/// </summary>
public sealed class ClusterStatusActor : ReceiveActor, IWithTimers
{
    /// <summary>How long the region collects the other nodes' statistics.</summary>
    public static readonly TimeSpan StatsTimeout = TimeSpan.FromSeconds(3);

    private readonly IActorRef _region;
    private readonly IReadOnlyList<string> _logins;
    private readonly Func<string, string> _shardOf;
    private readonly TimeSpan _interval;
    private readonly ILogger _log;
    private readonly List<IActorRef> _waiting = [];
    private bool _asking;
    private bool _logNext;

    /// <summary>Use <see cref="Props"/>.</summary>
    public ClusterStatusActor(IActorRef region, IReadOnlyList<string> logins, Func<string, string> shardOf, TimeSpan interval)
    {
        _region = region;
        _logins = logins;
        _shardOf = shardOf;
        _interval = interval;
        _log = Context.CreateLogger<ClusterStatusActor>();
        Receive<GetClusterStatus>(_ =>
        {
            _waiting.Add(Sender);
            Query();
        });
        Receive<Tick>(_ =>
        {
            _logNext = true;
            Query();
        });
        Receive<Stats>(s => Answer(s.Value, null));
        Receive<Status.Failure>(f => Answer(null, f.Cause));
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// Props of the status of the cluster whose login shard region is <paramref name="region"/>, naming the configured
    /// <paramref name="logins"/> by their shard (<paramref name="shardOf"/>, the region's own mapping); lines logged every <paramref name="interval"/>.
    /// </summary>
    public static Props Props(IActorRef region, IEnumerable<string> logins, Func<string, string> shardOf, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(logins);
        ArgumentNullException.ThrowIfNull(shardOf);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var list = logins.ToList();
        return Akka.Actor.Props.Create(() => new ClusterStatusActor(region, list, shardOf, interval));
    }

    /// <inheritdoc />
    protected override void PreStart() => Timers.StartPeriodicTimer(Tick.Instance, Tick.Instance, _interval);

    private void Query()
    {
        if (_asking)
        {
            return;
        }

        _asking = true;
        _region.Ask<ClusterShardingStats>(new GetClusterShardingStats(StatsTimeout), StatsTimeout + TimeSpan.FromSeconds(1))
            .PipeTo(Self, Self, stats => new Stats(stats), error => new Status.Failure(error));
    }

    private void Answer(ClusterShardingStats? stats, Exception? error)
    {
        _asking = false;
        var cluster = Akka.Cluster.Cluster.Get(Context.System);
        var status = ClusterStatus.Of(cluster.State, cluster.SelfAddress, stats, _logins, _shardOf);
        if (error is not null)
        {
            status = status with { Problem = $"{status.Problem} ({error.GetType().Name}: {error.Message})" };
        }

        foreach (var asker in _waiting)
        {
            asker.Tell(status, Self);
        }

        _waiting.Clear();
        if (_logNext)
        {
            _logNext = false;
            foreach (var line in status.Render())
            {
                _log.StatusLine(line);
            }
        }
    }

    private sealed record Stats(ClusterShardingStats Value);

    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }
}
