namespace Engine.Simulator.Faults;

/// <summary>
/// The set of armed faults of one simulator. Thread-safe: the control API arms and clears while sessions consume.
/// Rules fire in the order they were added; a rule with a positive count is removed when it reaches zero.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock gate = new();
    private readonly List<FaultRule> rules = [];

    /// <summary>Creates a plan armed with <paramref name="initial"/> (from options).</summary>
    public FaultPlan(IEnumerable<FaultRule>? initial = null)
    {
        if (initial is not null)
        {
            rules.AddRange(initial);
        }
    }

    /// <summary>Arms a rule.</summary>
    public void Add(FaultRule rule)
    {
        lock (gate)
        {
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
            var index = rules.FindIndex(r => r.Kind == kind && (r.Op is null || string.Equals(r.Op, op, StringComparison.Ordinal)));
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
}
