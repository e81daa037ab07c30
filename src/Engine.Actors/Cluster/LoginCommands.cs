using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Tasks;

namespace Engine.Actors.Cluster;

/// <summary>
/// The commands and queries a strategy addresses to one login, as the connections supervisor routes them: which login a
/// message is for, and the answer that refuses it (an unknown, disabled or stopped login) naming why. Pure.
/// </summary>
public static class LoginCommands
{
    /// <summary>The login <paramref name="message"/> is addressed to; false for anything else.</summary>
    public static bool TryGetLogin(object message, out LoginId login)
    {
        login = message switch
        {
            SubmitOrder m => m.Login,
            CancelOrder m => m.Login,
            CancelAllOrders m => m.Login,
            QueryOpenOrders m => m.Login,
            QueryBalances m => m.Login,
            QueryPosition m => m.Login,
            QuerySymbolInfo m => m.Login,
            ITaskCommand m => m.Login,
            ITaskQuery m => m.Login,
            _ => default,
        };
        return !login.IsEmpty;
    }

    /// <summary>The refusal of <paramref name="message"/> (one <see cref="TryGetLogin"/> accepts) because of <paramref name="why"/>.</summary>
    public static object Refusal(object message, string why, DateTimeOffset now) => message switch
    {
        SubmitOrder m => new OrderRejected(m.Login, m.ClientOrderId, now, why, IsLocal: true),
        CancelOrder m => new CancelRejected(m.Login, m.ClientOrderId, now, why),
        ITaskCommand m => new TaskCommandRejected(m.Login, m.CommandId, now, m.GetType().Name, why, IsLocal: true),
        ITaskQuery m => new TaskQueryFailed(m.Login, now, m.GetType().Name, why, OutcomeUnknown: false),
        _ when TryGetLogin(message, out var login) => new QueryFailed(login, now, message.GetType().Name, why, OutcomeUnknown: false),
        _ => throw new ArgumentException($"{message.GetType().Name} is not addressed to a login", nameof(message)),
    };
}
