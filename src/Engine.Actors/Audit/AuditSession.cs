using System.Collections.Immutable;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Audit;

/// <summary>One session of one login as the journal tells it: from its first event to a journaled end (a drain or a stop) or,
/// without one, to its last event (the engine crashed, or is still running).</summary>
/// <param name="Login">The login.</param>
/// <param name="Start">Timestamp of the session's first event.</param>
/// <param name="End">Timestamp of its <c>SessionEnded</c>, or of its last event when it has none.</param>
/// <param name="How">How it ended, for people (<c>drained</c>, <c>drain timeout with 2 orders left open or unknown</c>,
/// <c>no journaled end: crashed or still running</c>).</param>
/// <param name="EndedInOrder">True when the end is journaled; false for a crash (or a run still going).</param>
/// <param name="LeftOpen">Orders Submitted, Unknown or PendingCancel when it ended (client id and status).</param>
/// <param name="Node">The engine node it ran on, from its <c>SessionStarted</c> (or its <c>SessionEnded</c>); null for a
/// session journaled before sessions named their node.</param>
public sealed record AuditSession(
    LoginId Login, DateTimeOffset Start, DateTimeOffset End, string How, bool EndedInOrder, ImmutableArray<string> LeftOpen, string? Node = null);
