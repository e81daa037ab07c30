using Engine.Simulator.Matching;

namespace Engine.Simulator.Market;

/// <summary>
/// Seeded random-walk mid per symbol with liquidity levels around it. Deterministic: the same seed, symbols
/// and sequence of calls give the same prices (symbols step in ordinal order). Mids never fall below one tick.
/// Not thread-safe: the owning venue serialises calls (the timer that drives it lives in the hosting layer).
/// A symbol handed to <see cref="Follow"/> is priced from outside (a <see cref="SharedMarket"/> sets its mid through
/// <see cref="SetMid"/>): <see cref="Step"/> leaves it where it is.
/// </summary>
public sealed class SyntheticMarket
{
    private readonly MarketOptions options;
    private readonly Random random;
    private readonly SortedDictionary<string, State> states = new(StringComparer.Ordinal);

    /// <summary>Creates the market; <paramref name="random"/> defaults to one seeded with <see cref="MarketOptions.Seed"/>.</summary>
    public SyntheticMarket(MarketOptions options, IEnumerable<SyntheticSymbol> symbols, Random? random = null)
    {
        this.options = options;
        this.random = random ?? new Random(options.Seed);
        foreach (var s in symbols)
        {
            states[s.Symbol] = new State(s) { Mid = s.InitialMid };
        }
    }

    /// <summary>Number of steps taken so far.</summary>
    public long Steps { get; private set; }

    /// <summary>Quoted symbols in ordinal order.</summary>
    public IReadOnlyCollection<string> Symbols => states.Keys;

    /// <summary>Symbols <see cref="Step"/> moves (not priced from outside), in ordinal order: a venue's own step re-quotes only these.</summary>
    public IReadOnlyCollection<string> Walking => [.. states.Where(s => !s.Value.Followed).Select(s => s.Key)];

    /// <summary>Current mid, or null for an unknown symbol.</summary>
    public decimal? Mid(string symbol) => states.TryGetValue(symbol, out var s) ? s.Mid : null;

    /// <summary>Symbols priced from outside from now on (unknown names are ignored): <see cref="Step"/> no longer moves them.</summary>
    public void Follow(IEnumerable<string> symbols)
    {
        foreach (var symbol in symbols)
        {
            if (states.TryGetValue(symbol, out var state))
            {
                state.Followed = true;
            }
        }
    }

    /// <summary>Moves every mid not priced from outside one random step.</summary>
    public void Step()
    {
        Steps++;
        foreach (var state in states.Values.Where(s => !s.Followed))
        {
            var move = ((decimal)random.NextDouble() * 2m) - 1m;
            var next = state.Mid * (1m + (move * options.StepBps / 10_000m));
            state.Mid = Math.Max(RoundDown(next, state.Symbol.PriceTick), MinPrice(state.Symbol.PriceTick));
        }
    }

    /// <summary>Sets a mid directly (tests and the control API); rounded to the tick.</summary>
    public bool SetMid(string symbol, decimal mid)
    {
        if (!states.TryGetValue(symbol, out var state) || mid <= 0m)
        {
            return false;
        }

        state.Mid = Math.Max(RoundDown(mid, state.Symbol.PriceTick), MinPrice(state.Symbol.PriceTick));
        return true;
    }

    /// <summary>Liquidity around the current mid, or null for an unknown symbol; computed once per mid (immutable).</summary>
    public MarketQuote? Quote(string symbol)
    {
        if (!states.TryGetValue(symbol, out var state))
        {
            return null;
        }

        return state.Quote ??= Levels(symbol, state);
    }

    private MarketQuote Levels(string symbol, State state)
    {
        var tick = state.Symbol.PriceTick;
        var bids = new List<PriceLevel>(options.Levels);
        var asks = new List<PriceLevel>(options.Levels);
        for (var i = 0; i < options.Levels; i++)
        {
            var offset = (options.HalfSpreadBps + (i * options.LevelSpacingBps)) / 10_000m;
            var ask = RoundUp(state.Mid * (1m + offset), tick) + (i * tick);
            var bid = RoundDown(state.Mid * (1m - offset), tick) - (i * tick);
            asks.Add(new PriceLevel(ask, state.Symbol.LevelQuantity));
            if (bid > 0m)
            {
                bids.Add(new PriceLevel(bid, state.Symbol.LevelQuantity));
            }
        }

        return new MarketQuote(symbol, state.Mid, bids, asks);
    }

    private static decimal MinPrice(decimal tick) => tick > 0m ? tick : 0.00000001m;

    private static decimal RoundDown(decimal value, decimal tick) => tick > 0m ? Math.Floor(value / tick) * tick : value;

    private static decimal RoundUp(decimal value, decimal tick) => tick > 0m ? Math.Ceiling(value / tick) * tick : value;

    private sealed class State(SyntheticSymbol symbol)
    {
        public SyntheticSymbol Symbol { get; } = symbol;

        /// <summary>The mid; setting it drops <see cref="Quote"/>.</summary>
        public decimal Mid
        {
            get;
            set
            {
                field = value;
                Quote = null;
            }
        }

        /// <summary>The levels around <see cref="Mid"/>, once asked for.</summary>
        public MarketQuote? Quote { get; set; }

        public bool Followed { get; set; }
    }
}
