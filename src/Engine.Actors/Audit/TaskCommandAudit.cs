using System.Collections.Immutable;

namespace Engine.Actors.Audit;

/// <summary>One task command's journaled life: what it asked, how it ended (<see cref="Final"/>) and every event.</summary>
/// <param name="Final">accepted, rejected, rejected locally, resolved (applied / not applied / partial), or unresolved (unknown, awaiting reply).</param>
public sealed record TaskCommandAudit(string Login, string CommandId, string Operation, ImmutableArray<string> TaskIds, string Final, bool IsResolved, ImmutableArray<TaskTimelineEntry> Timeline);
