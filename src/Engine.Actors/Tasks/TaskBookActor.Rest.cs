using Akka.Actor;
using Engine.Actors.Venues.DBot;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tasks;

/// <summary>
/// Queries DBot answers only over REST (the account's wallets), through the login's long-lived
/// <see cref="DBotRestClient"/>: the pages are read off the actor's thread and the answer piped back to the asker.
/// They need no open socket; a task book without DBot settings answers that REST is not configured.
/// </summary>
public sealed partial class TaskBookActor
{
    private DBotRestClient? _rest;

    /// <inheritdoc />
    protected override void PreStart()
    {
        base.PreStart();
        _rest = _options.Venue is { } venue ? new DBotRestClient(venue) : null;
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        _rest?.Dispose();
        base.PostStop();
    }

    private void OnListWallets(ListWallets query)
    {
        if (query.Login != _login || _rest is not { } rest)
        {
            var why = query.Login != _login ? $"a query for login {query.Login} reached the task book of {_login}" : $"login {_login} has no DBot REST settings";
            Sender.Tell(new TaskQueryFailed(query.Login, Now, nameof(ListWallets), why, OutcomeUnknown: false), Self);
            return;
        }

        var login = _login;
        var time = _time;
        var maxPages = _options.MaxListPages;
        ReadWalletsAsync(rest, query.Type, maxPages).PipeTo(
            Sender,
            Self,
            success: read => read.Value is { } wallets
                ? new WalletsListed(login, time.GetUtcNow(), [.. wallets])
                : new TaskQueryFailed(login, time.GetUtcNow(), nameof(ListWallets), read.Error!, OutcomeUnknown: false),
            failure: ex => new TaskQueryFailed(login, time.GetUtcNow(), nameof(ListWallets), ex.GetBaseException().Message, OutcomeUnknown: false));
    }

    /// <summary>Every page (20 each, until a short page or <paramref name="maxPages"/>); off the actor's thread, touches no actor state.</summary>
    private static async Task<Venues.Mapped<IReadOnlyList<BotWallet>>> ReadWalletsAsync(DBotRestClient rest, string? type, int maxPages)
    {
        var all = new List<BotWallet>();
        for (var page = 0; page < maxPages; page++)
        {
            var reply = await rest.GetAsync(DBotMapper.WalletsPath(page, type), CancellationToken.None).ConfigureAwait(false);
            if (reply.Err)
            {
                return new(null, reply.Error);
            }

            var wallets = DBotMapper.Wallets(reply.ResJson);
            if (wallets.Value is not { } items)
            {
                return wallets;
            }

            all.AddRange(items);
            if (items.Count < DBotWire.PageSize)
            {
                break;
            }
        }

        return new(all, null);
    }
}
