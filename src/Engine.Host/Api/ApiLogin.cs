namespace Engine.Host.Api;

/// <summary>One login in <see cref="ApiStatus"/>.</summary>
/// <param name="Name">The login's name.</param>
/// <param name="Venue">Its venue.</param>
/// <param name="Enabled">False for a login kept in the file but not started.</param>
/// <param name="State">Connection state: Disconnected, Connecting, Authenticating, Ready, Reconnecting, Stopped.</param>
/// <param name="VenueState">The venue's own code and text with the last change (<c>6 READY</c>), when it gave one.</param>
/// <param name="TradingState">The login's trading state.</param>
/// <param name="OpenOrders">Working orders.</param>
/// <param name="Fills">Distinct fills.</param>
/// <param name="RejectStreak">Venue rejections in a row.</param>
/// <param name="NotReadySince">When it left Ready (or was first seen not Ready); null while Ready.</param>
/// <param name="Node">The engine node its latest session runs on (<c>127.0.0.1:2551</c> in a cluster, the host name on a single node); null before its first session.</param>
public sealed record ApiLogin(
    string Name,
    string Venue,
    bool Enabled,
    string State,
    string? VenueState,
    string TradingState,
    int OpenOrders,
    int Fills,
    int RejectStreak,
    DateTimeOffset? NotReadySince,
    string? Node = null);
