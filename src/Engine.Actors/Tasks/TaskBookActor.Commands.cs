using System.Collections.Immutable;
using Akka.Actor;
using Engine.Actors.Venues;
using Engine.Actors.Venues.DBot;
using Engine.Messages.Identifiers;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tasks;

/// <summary>Commands: checked, journaled (write-ahead), then sent; or journaled as issued and refused locally.</summary>
public sealed partial class TaskBookActor
{
    private readonly HashSet<TaskCommandId> _reserved = [];

    private void OnCommand(ITaskCommand command)
    {
        var now = Now;
        var operation = DBotMapper.OperationOf(command);
        if (command.Login != _login || command.CommandId.IsEmpty || _book.IsUsed(command.CommandId) || _reserved.Contains(command.CommandId))
        {
            var why = command.Login != _login
                ? $"a command for login {command.Login} reached the task book of {_login}"
                : $"command id '{command.CommandId}' is empty or already used on login {_login}; every task command needs a new id";
            Sender.Tell(new TaskCommandRejected(command.Login, command.CommandId, now, operation, why, IsLocal: true), Self);
            return;
        }

        var ids = DBotMapper.TaskIdsOf(command);
        if (!_ready)
        {
            RejectLocally(command.CommandId, operation, ids, $"login {_login} is not ready: nothing was sent", Sender);
            return;
        }

        if (command is EditFollowOrder edit)
        {
            _reserved.Add(edit.CommandId);
            _pendingEdits.Add((edit, Sender));
            StartListing($"read follow order {edit.TaskId} before editing it");
            return;
        }

        var mapped = DBotMapper.Request(command);
        if (mapped.Value is not { } request)
        {
            RejectLocally(command.CommandId, operation, ids, $"{command.GetType().Name}: {mapped.Error}", Sender);
            return;
        }

        Send(command.CommandId, operation, ids, request);
    }

    private void Send(TaskCommandId id, string operation, ImmutableArray<string> ids, DBotVenueRequest request)
    {
        _reserved.Remove(id);
        LogSending(_log, _login, id, operation);
        Record(
            new TaskCommandIssued(_login, id, Now, operation, ids, request.ParamsJson ?? "{}"),
            () => Context.Parent.Tell(new SendVenueRequest(request, new CommandContext(id)), Self));
    }

    /// <summary>Journals the command as issued and rejected (nothing sent), then answers <paramref name="replyTo"/>.</summary>
    private void RejectLocally(TaskCommandId id, string operation, ImmutableArray<string> ids, string reason, IActorRef replyTo)
    {
        _reserved.Remove(id);
        var now = Now;
        LogRejectedLocally(_log, _login, id, reason);
        var rejected = new TaskCommandRejected(_login, id, now, operation, reason, IsLocal: true);
        Record(new TaskCommandIssued(_login, id, now, operation, ids, "{}"));
        Record(rejected, () => replyTo.Tell(rejected, Self));
    }

    /// <summary>The reference a command's request carries through the connection.</summary>
    private sealed record CommandContext(TaskCommandId Id);
}
