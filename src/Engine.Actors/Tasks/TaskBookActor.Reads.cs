using Akka.Actor;
using Engine.Actors.Venues;
using Engine.Actors.Venues.DBot;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tasks;

/// <summary>
/// Paged reads of limit orders and TP/SL tasks (0-based pages of 20 until a short page, at most
/// <see cref="TaskBookOptions.MaxListPages"/>): the <see cref="ListLimitOrders"/> and <see cref="ListFollowOrderPnlTasks"/>
/// queries, answered to their sender, and the listings that settle unknown limit-order commands. Reads journal
/// nothing; several may run at once, each under its own number.
/// </summary>
public sealed partial class TaskBookActor
{
    private readonly Dictionary<int, PagedRead> _reads = [];
    private int _lastRead;

    private void OnListLimitOrders(ListLimitOrders query) =>
        Query(query.Login, nameof(ListLimitOrders), page => DBotMapper.ListLimitOrders(page, query.Chain, query.State, query.Token));

    private void OnListPnlTasks(ListFollowOrderPnlTasks query)
    {
        if (string.IsNullOrWhiteSpace(query.FollowOrderId))
        {
            Sender.Tell(new TaskQueryFailed(query.Login, Now, nameof(ListFollowOrderPnlTasks), "follow order id: must not be empty", OutcomeUnknown: false), Self);
            return;
        }

        Query(query.Login, nameof(ListFollowOrderPnlTasks), page => DBotMapper.ListPnlOrdersFromFollowOrder(page, query.FollowOrderId, query.Chain, query.State));
    }

    private void Query(Messages.Identifiers.LoginId login, string name, Func<int, DBotVenueRequest> page)
    {
        if (login != _login || !_ready)
        {
            var why = login != _login ? $"a query for login {login} reached the task book of {_login}" : $"login {_login} is not ready";
            Sender.Tell(new TaskQueryFailed(login, Now, name, why, OutcomeUnknown: false), Self);
            return;
        }

        var replyTo = Sender;
        Read(
            page,
            tasks => replyTo.Tell(new LimitTasksListed(_login, Now, name, [.. tasks]), Self),
            reason => replyTo.Tell(new TaskQueryFailed(_login, Now, name, reason, OutcomeUnknown: false), Self));
    }

    /// <summary>Reads every page of <paramref name="page"/>'s method, then calls <paramref name="done"/> or <paramref name="failed"/>.</summary>
    private void Read(Func<int, DBotVenueRequest> page, Action<IReadOnlyList<LimitTask>> done, Action<string> failed)
    {
        var read = new PagedRead(++_lastRead, page, done, failed);
        _reads[read.Number] = read;
        RequestReadPage(read, 0);
    }

    private void RequestReadPage(PagedRead read, int page) =>
        Context.Parent.Tell(new SendVenueRequest(read.Page(page), new ReadContext(read.Number, page)), Self);

    private void OnReadPage(ReadContext context, VenueRequestOutcome outcome)
    {
        if (!_reads.TryGetValue(context.Read, out var read))
        {
            return;
        }

        if (outcome.Reply is not DBotRpcReply { Err: false } reply)
        {
            _reads.Remove(read.Number);
            read.Failed(outcome.Reply switch
            {
                DBotRpcReply error => error.Error ?? "err: true",
                RequestRefusedReply refused => refused.Reason,
                UnreadableReply unreadable => unreadable.Reason,
                _ => outcome.UnknownReason ?? "no reply",
            });
            return;
        }

        var method = read.Page(context.Page).Method;
        var mapped = DBotMapper.LimitTasks(method, reply.ResJson);
        if (mapped.Value is not { } items)
        {
            _reads.Remove(read.Number);
            read.Failed(mapped.Error!);
            return;
        }

        read.Items.AddRange(items);
        if (items.Count >= DBotWire.PageSize && context.Page + 1 < _options.MaxListPages)
        {
            RequestReadPage(read, context.Page + 1);
            return;
        }

        _reads.Remove(read.Number);
        read.Done(read.Items);
    }

    /// <summary>One paged read in progress; its callbacks run on the actor's thread.</summary>
    private sealed class PagedRead(int number, Func<int, DBotVenueRequest> page, Action<IReadOnlyList<LimitTask>> done, Action<string> failed)
    {
        public int Number { get; } = number;

        public Func<int, DBotVenueRequest> Page { get; } = page;

        public Action<IReadOnlyList<LimitTask>> Done { get; } = done;

        public Action<string> Failed { get; } = failed;

        public List<LimitTask> Items { get; } = [];
    }

    /// <summary>The reference a read's page request carries through the connection.</summary>
    private sealed record ReadContext(int Read, int Page);
}
