using Engine.Simulator.Hosting;

namespace Engine.Simulator.Market;

/// <summary>
/// One seeded random-walk price per <see cref="Underlying"/>, shared by the in-process simulators of one run: every
/// venue symbol whose underlying at least two linked venues list is priced from here (the venue's own walk leaves it
/// alone, see <see cref="IVenueSimulator.FollowMarket"/>), so a strategy reading one venue's feed sees the price it
/// trades at on another. Each step (timer or control API) sets the new mid on every venue symbol of the underlying
/// through <see cref="IVenueSimulator.ApplyMarket"/>: the venues match their resting orders and publish their market
/// data at that mid. Symbols only one venue lists keep walking in that venue. Thread-safe: one lock serialises steps
/// and commands; it is taken before a venue's own lock, never after, and the venues never call back into it.
/// </summary>
public sealed class SharedMarket : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly MarketOptions options;
    private readonly TimeProvider time;
    private readonly Random random;
    private readonly SortedDictionary<string, decimal> mids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(IVenueSimulator Venue, string Symbol)>> listings = new(StringComparer.Ordinal);
    private ITimer? timer;

    /// <summary>Creates the market; <paramref name="random"/> defaults to one seeded with <see cref="MarketOptions.Seed"/>.</summary>
    public SharedMarket(MarketOptions options, TimeProvider time, Random? random = null)
    {
        this.options = options;
        this.time = time;
        this.random = random ?? new Random(options.Seed);
    }

    /// <summary>Shared underlyings and their mids, in ordinal order.</summary>
    public IReadOnlyDictionary<string, decimal> Mids
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, decimal>(mids, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>
    /// Links <paramref name="venues"/> (call once, before <see cref="Start"/>): the underlyings at least two of them list
    /// become shared, each starting at the mid of the first venue listing it; every listing venue follows them and is
    /// set to that mid at once. Returns the shared underlyings.
    /// </summary>
    public IReadOnlyCollection<string> Link(IEnumerable<IVenueSimulator> venues)
    {
        lock (gate)
        {
            var found = new Dictionary<string, List<(IVenueSimulator Venue, string Symbol, decimal Mid)>>(StringComparer.Ordinal);
            foreach (var venue in venues)
            {
                foreach (var (symbol, mid) in venue.ApplyMarket(new MarketCommand()))
                {
                    var underlying = Underlying.Of(symbol);
                    if (!found.TryGetValue(underlying, out var list))
                    {
                        found[underlying] = list = [];
                    }

                    list.Add((venue, symbol, mid));
                }
            }

            foreach (var (underlying, list) in found.Where(f => f.Value.Select(l => l.Venue).Distinct().Count() >= 2))
            {
                mids[underlying] = list[0].Mid;
                listings[underlying] = [.. list.Select(l => (l.Venue, l.Symbol))];
            }

            foreach (var group in listings.Values.SelectMany(l => l).GroupBy(l => l.Venue))
            {
                group.Key.FollowMarket([.. group.Select(l => l.Symbol)]);
            }

            foreach (var underlying in listings.Keys)
            {
                Publish(underlying);
            }

            return [.. mids.Keys];
        }
    }

    /// <summary>Starts the step timer (none when <see cref="MarketOptions.TickInterval"/> is zero).</summary>
    public void Start()
    {
        if (options.TickInterval > TimeSpan.Zero)
        {
            timer = time.CreateTimer(_ => Step(1), null, options.TickInterval, options.TickInterval);
        }
    }

    /// <summary>Moves every shared mid <paramref name="steps"/> random steps, publishing each to every listing venue.</summary>
    public void Step(int steps)
    {
        lock (gate)
        {
            StepLocked(steps);
        }
    }

    /// <summary>
    /// A control-API market command sent to <paramref name="venue"/>: a mid set on a shared symbol sets its underlying
    /// (every listing venue follows), a step steps the shared market and the venue's own symbols; answers the venue's
    /// mids afterwards. A command on a venue that shares nothing is the venue's alone.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> Apply(IVenueSimulator venue, MarketCommand command)
    {
        lock (gate)
        {
            var own = command;
            if (command is { Symbol: { } symbol, Mid: { } mid } && Shared(venue, symbol) is { } underlying)
            {
                mids[underlying] = mid;
                Publish(underlying);
                own = command with { Symbol = null, Mid = null };
            }

            if (own.Steps > 0)
            {
                StepLocked(own.Steps);
            }

            return venue.ApplyMarket(own);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (timer is not null)
        {
            await timer.DisposeAsync();
        }
    }

    private void StepLocked(int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            foreach (var underlying in mids.Keys.ToList())
            {
                var move = ((decimal)random.NextDouble() * 2m) - 1m;
                mids[underlying] = Math.Max(decimal.Round(mids[underlying] * (1m + (move * options.StepBps / 10_000m)), 12), 0.000000000001m);
                Publish(underlying);
            }
        }
    }

    private string? Shared(IVenueSimulator venue, string symbol)
    {
        var underlying = Underlying.Of(symbol);
        return listings.TryGetValue(underlying, out var list) && list.Exists(l => l.Venue == venue && l.Symbol == symbol) ? underlying : null;
    }

    private void Publish(string underlying)
    {
        var mid = mids[underlying];
        foreach (var (venue, symbol) in listings[underlying])
        {
            venue.ApplyMarket(new MarketCommand { Symbol = symbol, Mid = mid });
        }
    }
}
