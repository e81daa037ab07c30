using System.Collections.Immutable;
using System.Net.WebSockets;
using Engine.Actors.Venues;
using Engine.Actors.Venues.Binance;
using Engine.Actors.Venues.QuantGateway;
using Engine.Kernel.Actors;
using Engine.Kernel.Persistence;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Connections;

/// <summary>
/// Everything the connections supervisor needs: the configured logins, the persistence the order books
/// use, the order book factory (one book per login, the connection's <c>orders</c> child), and seams for
/// tests and new venues.
/// </summary>
/// <param name="Logins">Every configured login; disabled ones are known (for error messages) but not started.</param>
/// <param name="Persistence">The journal of the order books; the host's <see cref="OrderBookProps"/> captures it.</param>
/// <param name="OrderBookProps">Props of a login's order book (<c>login =&gt; OrderBookActor.Props(login, persistence, options)</c>).</param>
public sealed record ConnectionsSettings(
    ImmutableArray<LoginOptions> Logins,
    PersistenceExtension? Persistence,
    Func<LoginId, Props> OrderBookProps)
{
    /// <summary>Creates each socket (options, test doubles); null uses a plain <see cref="ClientWebSocket"/>.</summary>
    public Func<ClientWebSocket>? SocketFactory { get; init; }

    /// <summary>Creates a login's venue behaviour; null uses <see cref="DefaultBehavior"/>.</summary>
    public Func<LoginOptions, IVenueConnectionBehavior>? BehaviorFactory { get; init; }

    /// <summary>How long the supervisor waits for every connection to answer a drain, beyond the longest login drain timeout.</summary>
    public TimeSpan DrainGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The behaviour of the login's venue; throws <see cref="ArgumentException"/> for a venue without one.</summary>
    public static IVenueConnectionBehavior DefaultBehavior(LoginOptions login) => login.Venue switch
    {
        LoginOptions.QuantGatewayVenue when login.QuantGateway is { } qg => new QuantGatewayConnectionBehavior(new LoginId(login.Name), qg),
        LoginOptions.BinanceVenue when login.Binance is { } binance => BinanceConnectionBehavior.Create(login.Name, binance, TimeProvider.System),
        _ => throw new ArgumentException($"login '{login.Name}': no connection behaviour for venue '{login.Venue}'", nameof(login)),
    };

    /// <summary>The behaviour for <paramref name="login"/>.</summary>
    public IVenueConnectionBehavior CreateBehavior(LoginOptions login) => (BehaviorFactory ?? DefaultBehavior)(login);
}
