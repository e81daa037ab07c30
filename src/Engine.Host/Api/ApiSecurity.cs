using System.Net;
using System.Security.Cryptography;
using System.Text;
using Engine.Simulator.Hosting;

namespace Engine.Host.Api;

/// <summary>
/// The API's rules for who may talk to it, pure: loopback binding, the bearer token, and the request guard against
/// browsers on other sites (DNS rebinding via the Host header, cross-site requests via Origin, form posts via the
/// content type). Thread-safe (no state).
/// </summary>
public static class ApiSecurity
{
    /// <summary>Whether <paramref name="host"/> is an IP address or <c>localhost</c>.</summary>
    public static bool IsAddress(string? host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host, out _);

    /// <summary>Whether <paramref name="host"/> (an address, a name, or a Host header without its port) is loopback: the simulators' rule (<see cref="LocalControlGuard.IsLoopbackHost"/>).</summary>
    public static bool IsLoopback(string? host) => LocalControlGuard.IsLoopbackHost(host);

    /// <summary>
    /// Why the API must not start bound to <paramref name="options"/>' host with <paramref name="token"/>, or null when
    /// it may: anything but loopback needs a token.
    /// </summary>
    public static string? StartupError(ApiOptions options, string? token)
    {
        ArgumentNullException.ThrowIfNull(options);
        return IsLoopback(options.Host) || !string.IsNullOrEmpty(token)
            ? null
            : $"engine.api.host = {options.Host} is not a loopback address, and the bearer token variable {options.TokenVariable} is not set: "
              + $"set {options.TokenVariable} in the environment, or bind 127.0.0.1";
    }

    /// <summary>
    /// Whether a request may proceed; null when it may, else the status code and the reason (for a problem-details answer).
    /// </summary>
    /// <param name="request">What the request carries.</param>
    /// <param name="boundLoopback">Whether the API listens on loopback only.</param>
    /// <param name="token">The bearer token; null or empty when none is configured.</param>
    public static (int Status, string Title, string Detail)? Check(ApiRequest request, bool boundLoopback, string? token)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hostName = HostName(request.Host);
        if (boundLoopback && !IsLoopback(hostName))
        {
            return (403, "Host not allowed", $"the Host header '{request.Host}' is not a loopback name; expected localhost, 127.0.0.1 or [::1]");
        }

        if (!string.IsNullOrEmpty(request.Origin) && !OriginAllowed(request.Origin, hostName))
        {
            return (403, "Origin not allowed", $"requests from the origin '{request.Origin}' are refused; only pages served by this engine may call it");
        }

        if (string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase)
            && !IsJson(request.ContentType))
        {
            return (415, "JSON only", $"a POST needs 'Content-Type: application/json', got '{request.ContentType ?? "none"}'");
        }

        if (!string.IsNullOrEmpty(token) && request.NeedsToken && !TokenMatches(request.Authorization, request.AccessToken, token))
        {
            return (401, "Bearer token required", "this engine requires 'Authorization: Bearer <token>' (the token is in the engine's environment)");
        }

        return null;
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static string? HostName(string? hostHeader)
    {
        if (string.IsNullOrEmpty(hostHeader))
        {
            return null;
        }

        if (hostHeader.StartsWith('['))
        {
            var end = hostHeader.IndexOf(']', StringComparison.Ordinal);
            return end > 0 ? hostHeader[..(end + 1)] : hostHeader;
        }

        var colon = hostHeader.LastIndexOf(':');
        return colon > 0 && hostHeader.IndexOf(':', StringComparison.Ordinal) == colon ? hostHeader[..colon] : hostHeader;
    }

    private static bool OriginAllowed(string origin, string? hostName)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return IsLoopback(uri.Host) || (hostName is not null && string.Equals(uri.Host, hostName.Trim('[', ']'), StringComparison.OrdinalIgnoreCase));
    }

    private static bool TokenMatches(string? authorization, string? accessToken, string token)
    {
        var presented = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            ? authorization["Bearer ".Length..].Trim()
            : accessToken;
        return presented is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(token));
    }
}
