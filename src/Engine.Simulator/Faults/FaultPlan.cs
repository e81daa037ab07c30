namespace Engine.Simulator.Faults;

/// <summary>
/// The set of armed faults of one simulator. Thread-safe: the control API arms and clears while sessions consume.
/// Rules fire in the order they were added; a rule with a positive count is removed when it reaches zero. A rule with a
/// <see cref="FaultRule.Probability"/> below 1 fires on a draw from the plan's seeded random (seed 0 unless a rule's
/// <see cref="FaultRule.Seed"/> or the constructor says otherwise); a miss passes to the next matching rule.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock gate = new();
    private readonly List<FaultRule> rules = [];
    private Random random;

    /// <summary>Creates a plan armed with <paramref name="initial"/> (from options), drawing from a random seeded with <paramref name="seed"/>.</summary>
    public FaultPlan(IEnumerable<FaultRule>? initial = null, int seed = 0)
    {
        random = new Random(seed);
        foreach (var rule in initial ?? [])
        {
            Add(rule);
        }
    }

    /// <summary>Arms a rule; a rule with a <see cref="FaultRule.Seed"/> reseeds the plan's draws.</summary>
    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (gate)
        {
            if (rule.Seed is { } seed)
            {
                random = new Random(seed);
            }

            rules.Add(rule);
        }
    }

    /// <summary>Disarms every rule.</summary>
    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
        }
    }

    /// <summary>Armed rules with their remaining counts.</summary>
    public IReadOnlyList<FaultRule> Active
    {
        get
        {
            lock (gate)
            {
                return [.. rules];
            }
        }
    }

    /// <summary>Consumes one firing of the first rule of <paramref name="kind"/> matching <paramref name="op"/>; null when none.</summary>
    public FaultRule? TryTake(FaultKind kind, string? op)
    {
        lock (gate)
        {
            if (rules.Count == 0)
            {
                // Nothing armed (the usual case, asked several times per request): no search, no closure.
                return null;
            }

            var index = rules.FindIndex(r => r.Kind == kind && (r.Op is null || string.Equals(r.Op, op, StringComparison.Ordinal)) && Fires(r));
            if (index < 0)
            {
                return null;
            }

            var rule = rules[index];
            if (rule.Count == 1)
            {
                rules.RemoveAt(index);
            }
            else if (rule.Count > 1)
            {
                rules[index] = rule with { Count = rule.Count - 1 };
            }

            return rule;
        }
    }

    private bool Fires(FaultRule rule) => rule.Probability >= 1d || (rule.Probability > 0d && random.NextDouble() < rule.Probability);
}
