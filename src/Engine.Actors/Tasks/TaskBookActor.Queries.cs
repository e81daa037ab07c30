using Akka.Actor;
using Engine.Actors.Venues;
using Engine.Actors.Venues.DBot;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tasks;

/// <summary>Reads that need no journal: one swap's state, answered to the asker.</summary>
public sealed partial class TaskBookActor
{
    private void OnGetSwap(GetSwap query)
    {
        if (query.Login != _login || !_ready || string.IsNullOrWhiteSpace(query.SwapId))
        {
            var why = query.Login != _login ? $"a query for login {query.Login} reached the task book of {_login}"
                : !_ready ? $"login {_login} is not ready"
                : "swap id: must not be empty";
            Sender.Tell(new TaskQueryFailed(query.Login, Now, nameof(GetSwap), why, OutcomeUnknown: false), Self);
            return;
        }

        Context.Parent.Tell(new SendVenueRequest(DBotMapper.GetSwapOrder(query.SwapId), new SwapQueryContext(query, Sender)), Self);
    }

    private void OnSwapAnswered(SwapQueryContext context, VenueRequestOutcome outcome)
    {
        object answer = outcome.Reply switch
        {
            DBotRpcReply { Err: false } ok => Read(DBotMapper.Swap(_login, ok.ResJson, outcome.At)),
            DBotRpcReply error => Failed(error.Error ?? "err: true", false),
            RequestRefusedReply refused => Failed(refused.Reason, false),
            UnreadableReply unreadable => Failed(unreadable.Reason, true),
            _ => Failed(outcome.UnknownReason ?? "no reply", true),
        };
        context.ReplyTo.Tell(answer, Self);

        TaskQueryFailed Failed(string reason, bool unknown) => new(_login, outcome.At, nameof(GetSwap), reason, unknown);

        object Read(Mapped<SwapReported> mapped) => mapped.Value is { } swap ? swap : Failed(mapped.Error!, false);
    }

    /// <summary>The reference a swap query's request carries through the connection.</summary>
    private sealed record SwapQueryContext(GetSwap Query, IActorRef ReplyTo);
}
