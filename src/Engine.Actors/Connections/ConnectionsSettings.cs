using System.Collections.Immutable;
using System.Net.WebSockets;
using Akka.Actor;
using Akka.Pattern;
using Engine.Actors.Venues;
using Engine.Actors.Tasks;
using Engine.Actors.Venues.Binance;
using Engine.Actors.Venues.DBot;
using Engine.Actors.Venues.QuantGateway;
using Engine.Actors.Venues.Toobit;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Connections;

/// <summary>
/// Everything the connections supervisor needs: the configured logins, the order book factory (one book per
/// login, the connection's <c>orders</c> child; its journal and snapshot store are the Akka.Persistence plugins of
/// the actor system's configuration), and seams for tests and new venues.
/// </summary>
/// <param name="Logins">Every configured login; disabled ones are known (for error messages) but not started.</param>
/// <param name="OrderBookProps">Props of a login's order book (<c>login =&gt; OrderBookActor.Props(login, options)</c>).</param>
public sealed record ConnectionsSettings(
    ImmutableArray<LoginOptions> Logins,
    Func<LoginId, Props> OrderBookProps)
{
    /// <summary>
    /// Creates each <see cref="ClientWebSocket"/> before it connects (its options: permessage-deflate, keep-alive
    /// pings, test doubles); null uses a plain <see cref="ClientWebSocket"/> with the platform's defaults.
    /// </summary>
    public Func<ClientWebSocket>? SocketFactory { get; init; }

    /// <summary>
    /// The book each venue's logins keep instead of an order book, by venue name (the connection's <c>orders</c> child):
    /// DBot logins keep a <see cref="TaskBookActor"/> of automation tasks. A venue not listed gets <see cref="OrderBookProps"/>.
    /// </summary>
    public ImmutableDictionary<string, Func<LoginOptions, Func<LoginId, Props>>> BookPropsByVenue { get; init; } = DefaultBooks;

    /// <summary>The books of venues that are not order-book exchanges (given the login's options: DBot's REST key and base).</summary>
    public static ImmutableDictionary<string, Func<LoginOptions, Func<LoginId, Props>>> DefaultBooks { get; } =
        ImmutableDictionary<string, Func<LoginOptions, Func<LoginId, Props>>>.Empty.Add(
            LoginOptions.DBotVenue,
            options => login => TaskBookActor.Props(login, new TaskBookOptions { Venue = options.DBot }));

    /// <summary>The book of <paramref name="login"/>'s venue: its entry in <see cref="BookPropsByVenue"/>, else <see cref="OrderBookProps"/>.</summary>
    public Func<LoginId, Props> BookPropsFor(LoginOptions login)
    {
        ArgumentNullException.ThrowIfNull(login);
        return BookPropsByVenue.TryGetValue(login.Venue, out var props) ? props(login) : OrderBookProps;
    }

    /// <summary>Creates a login's venue behaviour; null uses <see cref="DefaultBehavior"/> on the engine clock.</summary>
    public Func<LoginOptions, IVenueConnectionBehavior>? BehaviorFactory { get; init; }

    /// <summary>How long the supervisor waits for every connection to answer a drain, beyond the longest login drain timeout.</summary>
    public TimeSpan DrainGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The behaviour of the login's venue, timestamping on <paramref name="time"/> (the engine clock); throws
    /// <see cref="ArgumentException"/> for a venue without one.
    /// </summary>
    public static IVenueConnectionBehavior DefaultBehavior(LoginOptions login, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(login);
        return login.Venue switch
        {
            LoginOptions.QuantGatewayVenue when login.QuantGateway is { } qg => new QuantGatewayConnectionBehavior(new LoginId(login.Name), qg),
            LoginOptions.BinanceVenue when login.Binance is { } binance => BinanceConnectionBehavior.Create(login.Name, binance, time),
            LoginOptions.ToobitVenue when login.Toobit is { } toobit => ToobitConnectionBehavior.Create(login.Name, toobit, time),
            LoginOptions.DBotVenue when login.DBot is { } dbot => new DBotConnectionBehavior(new LoginId(login.Name), dbot),
            _ => throw new ArgumentException($"login '{login.Name}': no connection behaviour for venue '{login.Venue}'", nameof(login)),
        };
    }

    /// <summary>
    /// How frames of a socket group of <paramref name="login"/>'s venue are routed to their login; null for a venue that
    /// names no login in its frames (every frame then goes to every member of the group).
    /// </summary>
    public static FrameRouter? SharedSocketRouter(LoginOptions login)
    {
        ArgumentNullException.ThrowIfNull(login);
        return login.Venue == LoginOptions.QuantGatewayVenue ? QuantGatewayFrameRoute.Of : null;
    }

    /// <summary>
    /// Props of one login's subtree: its <see cref="ConnectionActor"/> (child <c>connection</c>, with its book) behind an
    /// Akka <see cref="BackoffSupervisor"/> in on-failure mode that recreates a failed connection after an exponential
    /// backoff between the login's reconnect bounds, without limit. <paramref name="sharedSocket"/> is the login's socket
    /// group transport, null for its own socket. The same subtree runs under the connections supervisor and, in a cluster,
    /// under the login's sharded entity.
    /// </summary>
    public Props LoginProps(LoginOptions login, TimeProvider time, IActorRef? sharedSocket)
    {
        ArgumentNullException.ThrowIfNull(login);
        Func<LoginOptions, IVenueConnectionBehavior> behavior = l => CreateBehavior(l, time);
        var connection = ConnectionActor.Props(login, behavior, BookPropsFor(login), SocketFactory, sharedSocket);
        var backoff = Backoff.OnFailure(connection, "connection", login.ReconnectMinBackoff, login.ReconnectMaxBackoff, login.ReconnectRandomFactor, maxNrOfRetries: -1)
            .WithManualReset()
            .WithSupervisorStrategy(ConnectionFailure);
        return BackoffSupervisor.Props(backoff);
    }

    /// <summary>
    /// The decider table of a connection under its backoff supervisor: every exception means "recreate after the
    /// backoff" (the backoff supervisor turns <see cref="Directive.Restart"/> into stop, wait, start).
    /// </summary>
    private static OneForOneStrategy ConnectionFailure { get; } = new(Decider.From(Directive.Restart));

    /// <summary>The behaviour for <paramref name="login"/>: <see cref="BehaviorFactory"/>, or the default one on <paramref name="time"/>.</summary>
    public IVenueConnectionBehavior CreateBehavior(LoginOptions login, TimeProvider time) =>
        BehaviorFactory is { } factory ? factory(login) : DefaultBehavior(login, time);
}
