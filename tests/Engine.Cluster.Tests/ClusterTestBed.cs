using Engine.Simulator.Accounts;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;

namespace Engine.Cluster.Tests;

/// <summary>
/// What the multi-node tests that start their own nodes share: one quant gateway simulator with an account per login
/// (<see cref="StartVenueAsync"/>), a scratch PostgreSQL database when a server is given (the tests are
/// <see cref="PostgreSqlFactAttribute"/>s), the nodes they start (<see cref="Nodes"/>, stopped at the end) and a temp dir
/// for their files.
/// </summary>
public abstract class ClusterTestBed(IReadOnlyList<string> loginNames, MarketOptions? market = null) : IAsyncLifetime, IDisposable
{
    /// <summary>The nodes started by the test; every one still listed is stopped at the end.</summary>
    private protected List<ClusterNode> Nodes { get; } = [];

    /// <summary>Where the nodes' configuration files go.</summary>
    private protected TempDir Dir { get; } = new();

    /// <summary>The venue every login trades on.</summary>
    private protected SimulatorHost Venue { get; private set; } = null!;

    /// <summary>The shared journal's scratch database; null without a PostgreSQL server (the test is skipped then).</summary>
    private protected PostgreSqlScratchDatabase? Db { get; private set; }

    /// <summary>
    /// A quant gateway simulator with one account per login (the gateway refuses a second session of one key, "Do not log
    /// in repeat"), each with 100,000 USDT and 2 BTC.
    /// </summary>
    public static Task<SimulatorHost> StartVenueAsync(IEnumerable<string> loginNames, MarketOptions? market = null) =>
        SimulatorHost.StartAsync("quant-gateway", new SimulatorOptions
        {
            Market = market ?? new MarketOptions(),
            Accounts = [.. loginNames.Select(l => new AccountOptions
            {
                Id = l,
                ApiKey = $"{l}-key",
                Secret = $"{l}-secret",
                SpotBalances = new Dictionary<string, decimal> { ["USDT"] = 100_000m, ["BTC"] = 2m },
            })],
        });

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Venue = await StartVenueAsync(loginNames, market);
        if (PostgreSqlFactAttribute.ConnectionString is { } server)
        {
            Db = await PostgreSqlScratchDatabase.CreateAsync(server);
        }
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        await Task.WhenAll(Nodes.Select(n => n.DisposeAsync().AsTask()));
        await Venue.DisposeAsync();
        if (Db is not null)
        {
            await Db.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
