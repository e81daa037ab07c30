using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Engine.Simulator.Hosting;

/// <summary>
/// The rules every local control API follows (the simulators' <c>/_control</c>, and the engine's own), so a web page
/// in a browser on the same machine can neither reach it through DNS rebinding nor forge a request to it (CSRF):
/// the caller's address is loopback (403); the <c>Host</c> header names a loopback host, <c>127.0.0.1</c>,
/// <c>localhost</c> or <c>[::1]</c>, with any port (403); an <c>Origin</c> header, when present, is an http(s) origin on
/// such a host (403; browsers send it on every cross-origin request, <c>null</c> included); and a request that carries
/// a body (POST, PUT, PATCH) says <c>Content-Type: application/json</c> (415), which a page cannot send cross-origin
/// without a preflight the API never answers. Apply it to a route group with <see cref="RequireLocalCaller"/>, or call
/// <see cref="Reject"/> from any other pipeline. Stateless and thread-safe.
/// </summary>
public static class LocalControlGuard
{
    /// <summary>Adds the guard to every endpoint of <paramref name="group"/>; returns the group.</summary>
    public static RouteGroupBuilder RequireLocalCaller(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.AddEndpointFilter(async (context, next) => Reject(context.HttpContext) ?? await next(context));
        return group;
    }

    /// <summary>The refusal for <paramref name="context"/>'s request (status and a sentence saying what is expected), or null when it may proceed.</summary>
    public static IResult? Reject(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (context.Connection.RemoteIpAddress is not { } ip || !IPAddress.IsLoopback(ip))
        {
            return Refuse(StatusCodes.Status403Forbidden, "the control API answers loopback callers only");
        }

        if (!IsLoopbackHost(request.Host.Host))
        {
            return Refuse(StatusCodes.Status403Forbidden, "the Host header must name a loopback host (127.0.0.1, localhost or [::1])");
        }

        if (request.Headers.Origin is { Count: > 0 } origins && !origins.All(IsLoopbackOrigin))
        {
            return Refuse(StatusCodes.Status403Forbidden, "cross-origin requests are refused: an Origin header must be a loopback origin such as http://127.0.0.1:PORT");
        }

        if ((HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)) && !IsJson(request.ContentType))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "the body must be JSON: send Content-Type: application/json");
        }

        return null;
    }

    /// <summary>True for the names of this machine's loopback interface, as they appear in a Host header or an origin.</summary>
    public static bool IsLoopbackHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return string.Equals(bare, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address));
    }

    private static bool IsLoopbackOrigin(string? origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && IsLoopbackHost(uri.Host);

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);

    private static IResult Refuse(int status, string message) => Results.Text(message, "text/plain", statusCode: status);
}
