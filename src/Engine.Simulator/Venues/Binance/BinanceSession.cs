using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Engine.Simulator.Accounts;

namespace Engine.Simulator.Venues.Binance;

/// <summary>
/// One client connection. Frames are queued without blocking and written by a single writer loop, so frames
/// queued in one order are sent in that order. Every member other than <see cref="Send"/>, <see cref="Close"/>,
/// <see cref="Abort"/> and the writer loop is read and written under the simulator's lock.
/// </summary>
internal sealed class BinanceSession(long id, WebSocket socket, string ip, DateTimeOffset connectedAt, bool returnRateLimits, bool microseconds)
{
    /// <summary>Lifetime cap on subscription ids per connection (then -2042).</summary>
    public const int MaxSubscriptionIds = 65_535;

    /// <summary>Cap on active subscriptions per connection.</summary>
    public const int MaxActiveSubscriptions = 1_000;

    private readonly Channel<string> outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public long Id { get; } = id;

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

    public bool Closing { get; private set; }

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

    public void Send(string frame) => outbox.Writer.TryWrite(frame);

    /// <summary>Sends what is queued, then a normal close.</summary>
    public void Close()
    {
        Closing = true;
        outbox.Writer.TryComplete();
    }

    /// <summary>Drops the connection without a close handshake.</summary>
    public void Abort()
    {
        Closing = true;
        outbox.Writer.TryComplete();
        socket.Abort();
    }

    public async Task RunWriterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in outbox.Reader.ReadAllAsync(cancellationToken))
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, cancellationToken);
            }

            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }
}
