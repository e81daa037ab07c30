using Engine.Messages.Identifiers;

namespace Engine.Actors.Audit;

/// <summary>
/// What the audit reports on. Every event of the selected logins is replayed (an order created before
/// <see cref="From"/> still needs its history); only orders created in [<see cref="From"/>, <see cref="To"/>) and
/// violations at events in that window are reported.
/// </summary>
/// <param name="Logins">Logins to audit; empty for all.</param>
/// <param name="From">Inclusive lower bound on event time; null for no bound.</param>
/// <param name="To">Exclusive upper bound on event time; null for no bound.</param>
public sealed record AuditFilter(IReadOnlySet<LoginId> Logins, DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    /// <summary>Everything.</summary>
    public static AuditFilter All { get; } = new(new HashSet<LoginId>());

    /// <summary>True when <paramref name="login"/> is selected.</summary>
    public bool Includes(LoginId login) => Logins.Count == 0 || Logins.Contains(login);

    /// <summary>True when <paramref name="at"/> is inside the window.</summary>
    public bool Includes(DateTimeOffset at) => (From is not { } from || at >= from) && (To is not { } to || at < to);
}
