using Engine.Actors.Connections;

namespace Engine.Host.Runtime;

/// <summary>
/// The <c>sim://&lt;venue&gt;</c> login URLs: which in-process simulators a configuration needs, and the logins
/// with those URLs replaced by the simulators' real loopback addresses. Pure and thread-safe.
/// </summary>
public static class SimulatedVenues
{
    /// <summary>URL scheme meaning "the in-process simulator of the venue named by the host part".</summary>
    public const string Scheme = "sim";

    /// <summary>The distinct simulator venue names the enabled logins point at, in first-use order.</summary>
    public static IReadOnlyList<string> Required(IEnumerable<LoginOptions> logins) =>
        [.. logins.Where(l => l.Enabled).Select(SimulatedVenueOf).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The logins with every <c>sim://venue</c> URL replaced by <paramref name="endpoints"/>[venue]; other logins
    /// unchanged. Throws <see cref="InvalidOperationException"/> when a needed endpoint is missing.
    /// </summary>
    public static IReadOnlyList<LoginOptions> Rewrite(IEnumerable<LoginOptions> logins, IReadOnlyDictionary<string, Uri> endpoints) =>
        [.. logins.Select(login => SimulatedVenueOf(login) is { } venue
            ? login.WithUrl(login.Toobit is null ? Endpoint(login, venue, endpoints) : HttpBase(Endpoint(login, venue, endpoints)))
            : login)];

    private static Uri Endpoint(LoginOptions login, string venue, IReadOnlyDictionary<string, Uri> endpoints) =>
        endpoints.TryGetValue(venue, out var uri)
            ? uri
            : throw new InvalidOperationException($"login '{login.Name}' needs the '{venue}' simulator, which was not started");

    private static string? SimulatedVenueOf(LoginOptions login) =>
        login.Url is { Scheme: Scheme } url ? url.Host : null;

    /// <summary>A REST venue's base URL on the simulator's port (its stream URL derives from it).</summary>
    private static Uri HttpBase(Uri endpoint) => new($"http://{endpoint.Authority}/");
}
