using System.Net.WebSockets;
using Engine.Simulator.Accounts;
using Engine.Simulator.Sockets;

namespace Engine.Simulator.Venues.Binance;

/// <summary>
/// One client connection with its Binance state (logon, subscriptions, time unit). Every member this type adds is
/// read and written under the simulator's lock.
/// </summary>
internal sealed class BinanceSession(long id, WebSocket socket, string ip, DateTimeOffset connectedAt, bool returnRateLimits, bool microseconds)
    : SocketSession(id, socket)
{
    /// <summary>Lifetime cap on subscription ids per connection (then -2042).</summary>
    public const int MaxSubscriptionIds = 65_535;

    /// <summary>Cap on active subscriptions per connection.</summary>
    public const int MaxActiveSubscriptions = 1_000;

    public string Ip { get; } = ip;

    public DateTimeOffset ConnectedAt { get; } = connectedAt;

    /// <summary>Default of <c>rateLimits</c> in responses (connection query <c>returnRateLimits</c>).</summary>
    public bool ReturnRateLimits { get; } = returnRateLimits;

    /// <summary>Times in responses and events are microseconds (<c>timeUnit=MICROSECOND</c>).</summary>
    public bool Microseconds { get; } = microseconds;

    /// <summary>Account logged on with <c>session.logon</c>, or null.</summary>
    public SimAccount? LoggedOn { get; set; }

    /// <summary>When <see cref="LoggedOn"/> was set.</summary>
    public DateTimeOffset? AuthorizedSince { get; set; }

    /// <summary>The logged-on key was revoked: the next request is answered 401 with a null id and the session is logged out.</summary>
    public bool Revoked { get; set; }

    /// <summary>Active subscriptions by id: the account and whether it came from <c>userDataStream.subscribe</c> (logon-based).</summary>
    public SortedDictionary<int, (SimAccount Account, bool ViaLogon)> Subscriptions { get; } = [];

    /// <summary>Next subscription id (0 upward, never reused on this connection).</summary>
    public int NextSubscriptionId { get; set; }

    /// <summary>Renders an instant in this session's time unit.</summary>
    public long Time(DateTimeOffset at) => Microseconds ? (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10 : at.ToUnixTimeMilliseconds();

    /// <summary>Subscription id of <paramref name="accountId"/>, or null.</summary>
    public int? SubscriptionOf(string accountId)
    {
        foreach (var (subscriptionId, entry) in Subscriptions)
        {
            if (entry.Account.Id == accountId)
            {
                return subscriptionId;
            }
        }

        return null;
    }
}
