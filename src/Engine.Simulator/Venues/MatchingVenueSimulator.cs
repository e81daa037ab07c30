using System.Text.Json;
using Engine.Simulator.Accounts;
using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Matching;
using Microsoft.AspNetCore.Routing;

namespace Engine.Simulator.Venues;

/// <summary>
/// What every venue that matches orders in the shared <see cref="MatchingEngine"/> (Binance, Toobit, the quant gateway)
/// has in common: one lock, <c>gate</c>, over all venue state; the engine with the venue's symbols and the configured
/// accounts; the <see cref="SyntheticMarket"/> that moves it and its tick; the venue's timers; and the control plumbing
/// built on them (market commands, followed symbols, truth, state codes paced on the venue's clock). A venue adds its
/// protocol: endpoints, sessions, what a new quote pushes (<see cref="OnQuote"/>), what its state codes do, its quirks.
/// Thread-safe: venue state is read and written under <c>gate</c> only.
/// </summary>
public abstract class MatchingVenueSimulator : IVenueSimulator
{
    private protected readonly Lock gate = new();
    private protected readonly SimulatorOptions options;
    private protected readonly TimeProvider time;
    private protected readonly MatchingEngine engine;
    private protected readonly SyntheticMarket market;

    /// <summary>The accounts of <see cref="SimulatorOptions.Accounts"/> by API key, as the engine holds them.</summary>
    private protected readonly Dictionary<string, SimAccount> accountsByKey = new(StringComparer.Ordinal);

    private readonly List<ITimer> timers = [];

    /// <summary>
    /// Builds the engine (fees from <paramref name="options"/>, <paramref name="rules"/>, every configured account) and
    /// the market over <paramref name="symbols"/> seeded with the market seed; nothing runs until <see cref="Start"/>.
    /// </summary>
    private protected MatchingVenueSimulator(
        SimulatorOptions options,
        TimeProvider time,
        IEnumerable<SymbolRules> rules,
        IEnumerable<SyntheticSymbol> symbols,
        long firstOrderId,
        long firstFillId)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.time = time;
        Faults = new FaultPlan(options.Faults);
        engine = new MatchingEngine(new FeeSchedule(options.Fees.MakerRate, options.Fees.TakerRate), firstOrderId, firstFillId);
        foreach (var rule in rules)
        {
            engine.AddSymbol(rule);
        }

        foreach (var account in options.Accounts)
        {
            accountsByKey[account.ApiKey] = engine.AddAccount(account);
        }

        market = new SyntheticMarket(options.Market, symbols, new Random(options.Market.Seed));
    }

    /// <inheritdoc />
    public abstract string Venue { get; }

    /// <inheritdoc />
    public abstract string WebSocketPath { get; }

    /// <inheritdoc />
    public FaultPlan Faults { get; }

    /// <inheritdoc />
    public abstract void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>Starts the market tick (when <see cref="MarketOptions.TickInterval"/> is positive); a venue adds its own timers with <see cref="Every"/>.</summary>
    public virtual void Start()
    {
        if (options.Market.TickInterval > TimeSpan.Zero)
        {
            Every(options.Market.TickInterval, () => ApplyMarket(new MarketCommand { Steps = 1 }));
        }
    }

    /// <inheritdoc />
    public abstract Task<int> InjectStateAsync(StateInjection injection, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the mid of <see cref="MarketCommand.Symbol"/> when it names a known symbol and a positive price, then walks
    /// the market <see cref="MarketCommand.Steps"/> times; every quote that changed goes to <see cref="OnQuote"/>, under
    /// the lock, with the one time of the command. Returns every mid after it.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> ApplyMarket(MarketCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (command.Symbol is not null && command.Mid is { } mid && market.SetMid(command.Symbol, mid))
            {
                OnQuote(command.Symbol, now);
            }

            for (var i = 0; i < command.Steps; i++)
            {
                market.Step();
                foreach (var symbol in market.Walking)
                {
                    OnQuote(symbol, now);
                }
            }

            return market.Symbols.ToDictionary(s => s, s => market.Mid(s)!.Value, StringComparer.Ordinal);
        }
    }

    /// <inheritdoc />
    public void FollowMarket(IReadOnlyCollection<string> symbols)
    {
        lock (gate)
        {
            market.Follow(symbols);
        }
    }

    /// <inheritdoc />
    public VenueTruth GetTruth()
    {
        lock (gate)
        {
            return VenueTruth.Of(engine);
        }
    }

    /// <inheritdoc />
    public abstract JsonElement GetQuirks();

    /// <inheritdoc />
    public abstract bool SetQuirks(JsonElement quirks);

    /// <summary>Stops the timers, then the venue's connections (<see cref="DisposeSocketsAsync"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var timer in timers)
        {
            await timer.DisposeAsync();
        }

        await DisposeSocketsAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A venue's one boolean quirk as <c>/_control/quirks</c> shows it: <c>{"name": value}</c>. Call under the lock.</summary>
    private protected static JsonElement FlagQuirk(string name, bool value) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, bool> { [name] = value }, ControlJson.Options);

    /// <summary>
    /// Sets <paramref name="flag"/>, under the lock, when <paramref name="quirks"/> is an object whose <paramref name="name"/>
    /// is <c>true</c> or <c>false</c>; false (and nothing changed) otherwise.
    /// </summary>
    private protected bool SetFlagQuirk(JsonElement quirks, string name, ref bool flag)
    {
        if (quirks.ValueKind != JsonValueKind.Object || !quirks.TryGetProperty(name, out var value) || value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return false;
        }

        lock (gate)
        {
            flag = value.GetBoolean();
        }

        return true;
    }

    /// <summary>Runs <paramref name="tick"/> every <paramref name="period"/> on the venue's clock until disposal.</summary>
    private protected void Every(TimeSpan period, Action tick) =>
        timers.Add(time.CreateTimer(_ => tick(), null, period, period));

    /// <summary>
    /// Plays the codes of <paramref name="injection"/> in order (<paramref name="defaults"/> when it names none), waiting
    /// <see cref="StateInjection.IntervalMs"/> on the venue's clock between two. <paramref name="act"/> runs each code under
    /// the lock and answers how many connections it reached; returns the most any code reached.
    /// </summary>
    private protected async Task<int> PlayStateCodesAsync(StateInjection injection, IReadOnlyList<int> defaults, Func<int, int> act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(injection);
        var codes = injection.Codes.Count == 0 ? defaults : injection.Codes;
        var reached = 0;
        for (var i = 0; i < codes.Count; i++)
        {
            if (i > 0 && injection.IntervalMs > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(injection.IntervalMs), time, cancellationToken);
            }

            lock (gate)
            {
                reached = Math.Max(reached, act(codes[i]));
            }
        }

        return reached;
    }

    /// <summary>What a new quote of <paramref name="symbol"/> does at <paramref name="now"/> (fills, pushes, market data), under the lock.</summary>
    private protected abstract void OnQuote(string symbol, DateTimeOffset now);

    /// <summary>Stops every connection of the venue.</summary>
    private protected abstract ValueTask DisposeSocketsAsync();
}
