using Engine.Actors.Connections;
using Engine.Actors.MarketData;
using Engine.Actors.Orders;
using Engine.Actors.Risk;
using Engine.Actors.Strategies;
using Engine.Host.Api;
using Engine.Host.Runtime;
using Engine.Config;
using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;
using Engine.Simulator.Hosting;

namespace Engine.Host.Configuration;

/// <summary>
/// The <c>engine</c> section: one property per documented section of <c>hocon/reference.conf</c>.
/// Each section's options record validates itself; the binder rejects unknown keys with file:line.
/// Cross-section rules (unique names, strategies naming configured logins) are checked by <see cref="Validate"/>.
/// </summary>
public sealed record EngineOptions : IValidatableOptions
{
    /// <summary>Loopback venue simulators: accounts, synthetic market, fees, faults, venue switches.</summary>
    public SimulatorOptions Simulator { get; init; } = new();

    /// <summary>Where order books journal their events.</summary>
    public JournalOptions Journal { get; init; } = new();

    /// <summary>Where snapshots are kept.</summary>
    public SnapshotStoreOptions SnapshotStore { get; init; } = new();

    /// <summary>Exchange logins; each becomes one connection with its own order book.</summary>
    public IReadOnlyList<LoginOptions> Logins { get; init; } = [];

    /// <summary>Market-data feeds (public venue streams, no login) strategies subscribe to.</summary>
    public IReadOnlyList<FeedOptions> Feeds { get; init; } = [];

    /// <summary>Recording of every market-data event the feeds receive.</summary>
    public Engine.Actors.MarketData.Recording.RecordOptions Record { get; init; } = new();

    /// <summary>Strategy instances loaded as actor plugins.</summary>
    public IReadOnlyList<StrategyOptions> Strategies { get; init; } = [];

    /// <summary>Each login's event-sourced order book: snapshots and held venue reports.</summary>
    public OrderBookOptions Orders { get; init; } = new();

    /// <summary>Where strategy plugins are loaded from and how failing strategies are restarted.</summary>
    public StrategyHostOptions StrategyHost { get; init; } = new();

    /// <summary>Pre-trade limits per login, strategy and symbol; automatic triggers of the trading states.</summary>
    public RiskOptions Risk { get; init; } = new();

    /// <summary>The control API, dashboard, metrics and health endpoints.</summary>
    public ApiOptions Api { get; init; } = new();

    /// <summary>Log level and optional log file.</summary>
    public LoggingOptions Logging { get; init; } = new();

    /// <summary>Whether this node is one of an Akka.Cluster whose logins are sharded entities (off: one process).</summary>
    public Engine.Actors.Cluster.EngineClusterOptions Cluster { get; init; } = new();

    /// <summary>How <c>engine run</c> behaves: status line, plugins, shutdown.</summary>
    public RunOptions Run { get; init; } = new();

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        foreach (var name in Logins.GroupBy(l => l.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return $"logins: the name '{name}' is used by more than one login; names must be unique";
        }

        foreach (var name in Strategies.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return $"strategies: the name '{name}' is used by more than one strategy; names must be unique";
        }

        var logins = Logins.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var limits in Risk.Logins.Where(l => !logins.Contains(l.Name)))
        {
            yield return $"risk.logins: limits for login '{limits.Name}', which is not configured in engine.logins";
        }

        foreach (var limits in Risk.Strategies.Where(l => !Strategies.Any(s => s.Name == l.Name)))
        {
            yield return $"risk.strategies: limits for strategy '{limits.Name}', which is not configured in engine.strategies";
        }

        foreach (var strategy in Strategies)
        {
            foreach (var login in strategy.Logins.Where(l => !logins.Contains(l)))
            {
                yield return $"strategies: strategy '{strategy.Name}' trades login '{login}', which is not configured in engine.logins";
            }
        }

        foreach (var group in Logins.Where(l => l.SocketGroup is not null).GroupBy(l => l.SocketGroup, StringComparer.Ordinal))
        {
            if (group.Select(l => (l.Venue, Url: l.Url?.ToString())).Distinct().Skip(1).Any())
            {
                yield return $"logins: socket-group '{group.Key}' joins logins of different venues or URLs ({string.Join(", ", group.Select(l => l.Name))}); logins that share a socket must name the same venue and url";
            }
        }

        foreach (var name in Feeds.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return $"feeds: the name '{name}' is used by more than one feed; names must be unique";
        }

        foreach (var feed in Feeds)
        {
            if (feed.Url is { Scheme: SimulatedVenues.Scheme } url && !VenueCatalog.Names.Contains(url.Host))
            {
                yield return $"feeds: feed '{feed.Name}' uses {url} but no simulator is called '{url.Host}'; expected one of: {string.Join(", ", VenueCatalog.Names)}";
            }
        }

        foreach (var login in Logins)
        {
            if (login.Url is { Scheme: SimulatedVenues.Scheme } url && !VenueCatalog.Names.Contains(url.Host))
            {
                yield return $"logins: login '{login.Name}' uses {url} but no simulator is called '{url.Host}'; expected one of: {string.Join(", ", VenueCatalog.Names)}";
            }
        }
    }
}
