using System.Collections.Immutable;
using Engine.Messages.Identifiers;

namespace Engine.Messages.Tasks;

/// <summary>An event of a login's task book: journaled under <c>tasks/&lt;login&gt;</c>, then published.</summary>
public interface ITaskEvent : ILoginEvent
{
}

/// <summary>An event about one task command; every command starts with <see cref="TaskCommandIssued"/> and ends resolved.</summary>
public interface ITaskCommandEvent : ITaskEvent
{
    /// <summary>The command.</summary>
    TaskCommandId CommandId { get; }
}

/// <summary>
/// The engine recorded a task command (write-ahead) before sending it: the venue operation, the task ids it targets and
/// what will be sent (JSON; never secrets). The first event of every command.
/// </summary>
/// <param name="Operation">The venue method (<c>batchToggleFollowOrder</c>, ...).</param>
/// <param name="TaskIds">The tasks it targets; empty for a create.</param>
/// <param name="Payload">The parameters as JSON (for an edit: the requested changes; the full object is read first).</param>
public sealed record TaskCommandIssued(LoginId Login, TaskCommandId CommandId, DateTimeOffset Timestamp, string Operation, ImmutableArray<string> TaskIds, string Payload) : ITaskCommandEvent;

/// <summary>The venue took the command (<c>err: false</c>); <paramref name="TaskIds"/> holds a created task's id.</summary>
public sealed record TaskCommandAccepted(LoginId Login, TaskCommandId CommandId, DateTimeOffset Timestamp, string Operation, ImmutableArray<string> TaskIds) : ITaskCommandEvent;

/// <summary>
/// The command was refused, locally (<paramref name="IsLocal"/>: nothing was sent, e.g. the login is not ready) or by the
/// venue with a single-task call. The reason names what was wrong. A refused batch is not final: see <see cref="TaskCommandUnknown"/>.
/// </summary>
public sealed record TaskCommandRejected(LoginId Login, TaskCommandId CommandId, DateTimeOffset Timestamp, string Operation, string Reason, bool IsLocal = false) : ITaskCommandEvent;

/// <summary>
/// What the command did is not known: no reply (timeout, socket lost) or an error on a batch call. The affected tasks
/// are listed again; <see cref="TaskCommandResolved"/> follows. Never a guess.
/// </summary>
public sealed record TaskCommandUnknown(LoginId Login, TaskCommandId CommandId, DateTimeOffset Timestamp, string Operation, string Reason) : ITaskCommandEvent;

/// <summary>The venue's task list settled an unknown command: <paramref name="Resolution"/>, with the evidence for people.</summary>
/// <param name="TaskIds">Tasks found (a create found by its name).</param>
public sealed record TaskCommandResolved(LoginId Login, TaskCommandId CommandId, DateTimeOffset Timestamp, string Operation, TaskResolution Resolution, string Evidence, ImmutableArray<string> TaskIds) : ITaskCommandEvent;
