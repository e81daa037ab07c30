using Akka.Actor;
using Engine.Actors.Venues;
using Engine.Actors.Venues.DBot;
using Engine.Messages.Identifiers;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tasks;

/// <summary>
/// Listing every follow order (0-based pages of 20 until a short page): to settle unknown commands, to read a task
/// before an edit, and for <see cref="ListFollowOrders"/> queries. One listing at a time; a need that arises during one
/// (a command turned unknown, whose effect the pages read may predate) starts another when it ends.
/// </summary>
public sealed partial class TaskBookActor
{
    private readonly List<(ListFollowOrders Query, IActorRef ReplyTo)> _listWaiters = [];
    private readonly List<(EditFollowOrder Edit, IActorRef ReplyTo)> _pendingEdits = [];
    private readonly HashSet<TaskCommandId> _unknownDuringListing = [];
    private ListingRound? _listing;
    private int _listingRounds;
    private bool _listAgain;

    private void OnListQuery(ListFollowOrders query)
    {
        if (query.Login != _login)
        {
            Sender.Tell(new TaskQueryFailed(query.Login, Now, nameof(ListFollowOrders), $"a query for login {query.Login} reached the task book of {_login}", OutcomeUnknown: false), Self);
            return;
        }

        if (!_ready)
        {
            Sender.Tell(new TaskQueryFailed(_login, Now, nameof(ListFollowOrders), $"login {_login} is not ready", OutcomeUnknown: false), Self);
            return;
        }

        _listWaiters.Add((query, Sender));
        StartListing("list query");
    }

    private void StartListing(string reason)
    {
        if (_listing is not null)
        {
            _listAgain = true;
            return;
        }

        if (!_ready)
        {
            return;
        }

        _unknownDuringListing.Clear();
        _listing = new ListingRound(++_listingRounds, reason);
        LogListing(_log, _login, reason);
        RequestPage(0);
    }

    private void RequestPage(int page) =>
        Context.Parent.Tell(new SendVenueRequest(DBotMapper.ListFollowOrders(page, null), new ListingContext(_listing!.Round, page)), Self);

    private void OnListingPage(ListingContext context, VenueRequestOutcome outcome)
    {
        if (_listing is not { } round || round.Round != context.Round)
        {
            return;
        }

        if (outcome.Reply is not DBotRpcReply { Err: false } reply)
        {
            FailListing(outcome.Reply switch
            {
                DBotRpcReply error => error.Error ?? "err: true",
                RequestRefusedReply refused => refused.Reason,
                UnreadableReply unreadable => unreadable.Reason,
                _ => outcome.UnknownReason ?? "no reply",
            });
            return;
        }

        var page = DBotMapper.FollowOrders(reply.ResJson);
        if (page.Value is not { } items)
        {
            FailListing(page.Error!);
            return;
        }

        round.Items.AddRange(items);
        if (items.Count >= DBotWire.PageSize && context.Page + 1 < _options.MaxListPages)
        {
            RequestPage(context.Page + 1);
            return;
        }

        CompleteListing(round);
    }

    private void CompleteListing(ListingRound round)
    {
        _listing = null;
        var listed = round.Items;
        var now = Now;
        foreach (var open in _book.Unknown.Where(c => !_unknownDuringListing.Contains(c.Issued.CommandId)).ToList())
        {
            if (TaskResolver.Resolve(open.Issued, listed) is { } resolved)
            {
                LogResolved(_log, _login, open.Issued.CommandId, resolved.Resolution, resolved.Evidence);
                Record(new TaskCommandResolved(_login, open.Issued.CommandId, now, open.Issued.Operation, resolved.Resolution, resolved.Evidence, resolved.TaskIds));
            }
        }

        foreach (var (query, replyTo) in _listWaiters)
        {
            replyTo.Tell(new FollowOrdersListed(_login, now, [.. listed.Where(o => query.Chain is null || o.Chain == query.Chain)]), Self);
        }

        _listWaiters.Clear();
        var edits = _pendingEdits.ToList();
        _pendingEdits.Clear();
        foreach (var (edit, replyTo) in edits)
        {
            var operation = DBotWire.CreateOrUpdateFollowOrder;
            if (listed.FirstOrDefault(o => o.Id == edit.TaskId) is not { } current)
            {
                RejectLocally(edit.CommandId, operation, [edit.TaskId], $"follow order {edit.TaskId} is not listed by DBot: nothing to edit", replyTo);
                continue;
            }

            var mapped = DBotMapper.Edit(current.Json, edit.Changes);
            if (mapped.Value is { } request)
            {
                Send(edit.CommandId, operation, [edit.TaskId], request);
            }
            else
            {
                RejectLocally(edit.CommandId, operation, [edit.TaskId], $"EditFollowOrder: {mapped.Error}", replyTo);
            }
        }

        ListAgainIfNeeded();
    }

    private void FailListing(string reason)
    {
        _listing = null;
        LogListingFailed(_log, _login, reason);
        var now = Now;
        foreach (var (_, replyTo) in _listWaiters)
        {
            replyTo.Tell(new TaskQueryFailed(_login, now, nameof(ListFollowOrders), reason, OutcomeUnknown: false), Self);
        }

        _listWaiters.Clear();
        var edits = _pendingEdits.ToList();
        _pendingEdits.Clear();
        foreach (var (edit, replyTo) in edits)
        {
            RejectLocally(edit.CommandId, DBotWire.CreateOrUpdateFollowOrder, [edit.TaskId], $"could not read follow order {edit.TaskId} before editing it: {reason}", replyTo);
        }

        ListAgainIfNeeded();
    }

    private void ListAgainIfNeeded()
    {
        if (_listAgain)
        {
            _listAgain = false;
            StartListing("a command became unknown during the last listing");
        }
    }

    /// <summary>One listing in progress.</summary>
    private sealed class ListingRound(int round, string reason)
    {
        public int Round { get; } = round;

        public string Reason { get; } = reason;

        public List<FollowOrder> Items { get; } = [];
    }

    /// <summary>The reference a listing page's request carries through the connection.</summary>
    private sealed record ListingContext(int Round, int Page);
}
