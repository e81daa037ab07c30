using System.ComponentModel.DataAnnotations;
using Engine.Config;

namespace Engine.Actors.Risk;

/// <summary>
/// The <c>engine.risk</c> section: pre-trade limits per login, strategy and symbol, and the automatic triggers that
/// change trading states. Immutable; validated when bound.
/// </summary>
public sealed record RiskOptions : IValidatableOptions
{
    /// <summary>Limits per login (<see cref="RiskLimits.Name"/> is the login's name).</summary>
    public IReadOnlyList<RiskLimits> Logins { get; init; } = [];

    /// <summary>Limits per strategy (<see cref="RiskLimits.Name"/> is the strategy's name).</summary>
    public IReadOnlyList<RiskLimits> Strategies { get; init; } = [];

    /// <summary>Limits per symbol, in every login (<see cref="RiskLimits.Name"/> is the symbol in the venue's spelling).</summary>
    public IReadOnlyList<RiskLimits> Symbols { get; init; } = [];

    /// <summary>Whether a halt cancels the scope's working orders when the command does not say.</summary>
    public bool HaltCancelsWorkingOrders { get; init; } = true;

    /// <summary>Venue rejections in a row (no acceptance between them) that halt a login; 0 turns the trigger off.</summary>
    [Range(0, 1_000_000)]
    public int MaxConsecutiveRejects { get; init; } = 10;

    /// <summary>How long a login may stay non-Ready (once it has been Ready) before it is halted; zero turns the trigger off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan LoginNotReadyHaltAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        foreach (var (section, list) in new[] { ("logins", Logins), ("strategies", Strategies), ("symbols", Symbols) })
        {
            foreach (var name in list.GroupBy(l => l.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                yield return $"risk.{section}: '{name}' has more than one entry; expected one entry per name";
            }
        }
    }
}
