using System.Collections.Immutable;
using System.Net.WebSockets;
using Akka.Actor;
using Engine.Actors.Venues;
using Engine.Actors.Venues.Binance;
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
            _ => throw new ArgumentException($"login '{login.Name}': no connection behaviour for venue '{login.Venue}'", nameof(login)),
        };
    }

    /// <summary>The behaviour for <paramref name="login"/>: <see cref="BehaviorFactory"/>, or the default one on <paramref name="time"/>.</summary>
    public IVenueConnectionBehavior CreateBehavior(LoginOptions login, TimeProvider time) =>
        BehaviorFactory is { } factory ? factory(login) : DefaultBehavior(login, time);
}
