using System.Buffers;
using System.Collections.Immutable;
using System.Net.WebSockets;
using Akka.Actor;
using Engine.Actors.Budget;
using Engine.Actors.Connections;
using Engine.Actors.Connections.Policies;

namespace Engine.Actors.Venues;

/// <summary>
/// What is venue-specific in a connection, one instance per login and per connection incarnation: the
/// endpoint, the session frames (login/logon, logout, application ping), how session replies and venue
/// states are recognised (<see cref="Interpret"/>), the heartbeat and budget rules, and which queries make
/// the login ready and reconcile it. The connection actor stays venue-neutral: it owns the socket, the
/// correlator, the budget and the state machine, and asks this object only pure questions.
/// Not thread-safe: owned by the login's connection actor.
/// </summary>
public interface IVenueConnectionBehavior
{
    /// <summary>The codec of this login's requests, replies and pushes.</summary>
    IVenueCodec Codec { get; }

    /// <summary>The endpoint the transport connects to (a WebSocket URL; the REST base URL for an HTTP venue).</summary>
    Uri Endpoint { get; }

    /// <summary>
    /// The connection's <c>transport</c> child, chosen by the venue: by default one WebSocket
    /// (<see cref="TransportActor"/>: requests and replies are frames on it); a venue that trades over HTTP and pushes
    /// over a stream returns <see cref="Connections.Http.HttpTransportActor"/>, whose frames its codec writes and reads.
    /// Every transport speaks the same messages (<see cref="TransportActor.Connect"/> .. <see cref="TransportActor.Closed"/>).
    /// </summary>
    Props TransportProps(Func<ClientWebSocket>? socketFactory)
    {
        var create = socketFactory ?? (() => new ClientWebSocket());
        return TransportActor.Props(() => PrepareSocket(create()));
    }

    /// <summary>Deadline of every request (and of the login reply); a timeout makes the outcome unknown.</summary>
    TimeSpan RequestTimeout { get; }

    /// <summary>The configured symbols (readiness, reconciliation and cancel-all on drain cover exactly these).</summary>
    ImmutableArray<Engine.Messages.Identifiers.Symbol> Symbols { get; }

    /// <summary>The request budget's windows; empty when the venue imposes none.</summary>
    ImmutableArray<RateWindowSpec> BudgetWindows { get; }

    /// <summary>A fresh keep-alive policy for a socket opened at <paramref name="connectedAt"/>.</summary>
    HeartbeatPolicy CreateHeartbeat(DateTimeOffset connectedAt);

    /// <summary>Writes the venue's application ping; returns false (writing nothing) when the venue has none.</summary>
    bool WritePing(DateTimeOffset now, IBufferWriter<byte> output);

    /// <summary>Writes the frame that opens the session (quant gateway <c>login</c>, Binance <c>session.logon</c>) with <paramref name="correlationKey"/>.</summary>
    void WriteLogin(string correlationKey, DateTimeOffset now, IBufferWriter<byte> output);

    /// <summary>Writes the frame that closes the session; returns false (writing nothing) when there is no session.</summary>
    bool WriteLogout(string correlationKey, IBufferWriter<byte> output);

    /// <summary>
    /// Sorts one decoded frame: session replies (the login reply, matched by <paramref name="loginKey"/>) and
    /// venue state reports become <see cref="SessionSignal"/>s; frames of other sessions are dropped; the
    /// rest is handed back in <see cref="SessionStep.Forward"/> for correlation and the order book.
    /// </summary>
    SessionStep Interpret(VenueInbound inbound, string? loginKey, DateTimeOffset now);

    /// <summary>
    /// Decodes and sorts one raw frame received at <paramref name="now"/>; what the connection calls for every
    /// frame. The default decodes with <see cref="Codec"/> and calls <see cref="Interpret"/>; a venue whose
    /// session facts are not visible in a <see cref="VenueInbound"/> (Binance: server time, rate-limit counts,
    /// stream ends) implements it itself. Never throws.
    /// </summary>
    SessionStep Receive(ReadOnlySpan<byte> frame, string? loginKey, DateTimeOffset now) =>
        Interpret(Codec.Decode(frame, now), loginKey, now);

    /// <summary>Drops held session data older than its hold time (states of tokens never revealed); returns how many.</summary>
    int ExpireHeld(DateTimeOffset now);

    /// <summary>Queries that must all be answered after the venue declares the login ready before orders may go (symbol rules).</summary>
    ImmutableArray<VenueRequest> ReadinessQueries();

    /// <summary>Queries that rebuild state after every READY and on request: open orders per symbol, balances, positions.</summary>
    ImmutableArray<VenueRequest> ReconcileQueries();

    /// <summary>Open orders queries for <paramref name="symbols"/> (resolution of unknown orders).</summary>
    ImmutableArray<VenueRequest> OpenOrdersQueries(IEnumerable<Engine.Messages.Identifiers.Symbol> symbols);

    /// <summary>
    /// True when the venue answers per-order status queries (<see cref="OrderStatusQuery"/>); the order book then asks
    /// about orders the open orders cannot explain instead of guessing. False by default (quant gateway: open orders only).
    /// </summary>
    bool CanQueryOrderStatus => false;

    /// <summary>
    /// The status query for one order, answered by an <see cref="IOrderStatusReply"/>; null when the venue has none.
    /// </summary>
    VenueRequest? OrderStatusQuery(Engine.Actors.Orders.Protocol.OrderToResolve order) => null;

    /// <summary>
    /// Prepares each socket of this login before it connects (an API key header on the upgrade, protocol keep-alive
    /// pings). Called by the transport on a thread of its own: implementations only read immutable options. Default:
    /// unchanged.
    /// </summary>
    System.Net.WebSockets.ClientWebSocket PrepareSocket(System.Net.WebSockets.ClientWebSocket socket) => socket;

    /// <summary>
    /// After the socket could not be opened (<paramref name="reason"/> as the transport reported it, and
    /// <paramref name="upgradeStatus"/>, the HTTP status of the refused upgrade when the server answered one): a sentence
    /// for people when the refusal is fatal (HTTP 401: a wrong key must stop the login, not be retried); null to
    /// reconnect with backoff. Default null.
    /// </summary>
    string? FatalConnectRefusal(string reason, System.Net.HttpStatusCode? upgradeStatus) => null;

    /// <summary>
    /// What a drain that cancels working orders logs once nothing is left behind; default "working orders cancelled".
    /// A venue without exchange orders says what is true for it instead.
    /// </summary>
    string DrainCancelledText => "working orders cancelled";

    /// <summary>The socket is gone: every session it carried is gone too.</summary>
    void OnDisconnected();
}
