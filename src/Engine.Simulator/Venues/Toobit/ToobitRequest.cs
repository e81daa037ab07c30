using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>
/// One HTTP request as received: the raw query (without <c>?</c>) and raw body exactly as sent (for the signature),
/// and the merged parameters (query wins over the form body on duplicates). Immutable after <see cref="ReadAsync"/>.
/// </summary>
internal sealed class ToobitRequest
{
    private ToobitRequest(string method, string path, string rawQuery, string rawBody, bool jsonBody, string? apiKey, string ip, Dictionary<string, string> parameters)
    {
        Method = method;
        Path = path;
        RawQuery = rawQuery;
        RawBody = rawBody;
        IsJsonBody = jsonBody;
        ApiKey = apiKey;
        Ip = ip;
        Parameters = parameters;
    }

    public string Method { get; }

    public string Path { get; }

    /// <summary>The query string without the leading <c>?</c>, encoded as received.</summary>
    public string RawQuery { get; }

    /// <summary>The body as received (UTF-8).</summary>
    public string RawBody { get; }

    /// <summary>The body is a JSON document (batch orders), not a form.</summary>
    public bool IsJsonBody { get; }

    /// <summary>The <c>X-BB-APIKEY</c> header, or null.</summary>
    public string? ApiKey { get; }

    public string Ip { get; }

    /// <summary>Query and form parameters, decoded; the query wins on duplicates.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>A parameter's value, or null when absent or empty.</summary>
    public string? Get(string name) => Parameters.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public static async Task<ToobitRequest> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        var rawQuery = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var trimmed = body.TrimStart();
        var json = trimmed.StartsWith('[') || trimmed.StartsWith('{');
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!json)
        {
            foreach (var (name, value) in Pairs(body))
            {
                parameters[name] = value;
            }
        }

        foreach (var (name, value) in Pairs(rawQuery))
        {
            parameters[name] = value;
        }

        var key = request.Headers["X-BB-APIKEY"].ToString();
        var ip = (context.Connection.RemoteIpAddress ?? IPAddress.Loopback).ToString();
        return new ToobitRequest(request.Method, request.Path.Value ?? string.Empty, rawQuery, body, json, key.Length == 0 ? null : key, ip, parameters);
    }

    /// <summary>Splits <c>a=1&amp;b=2</c> into decoded pairs (<c>+</c> is a space, as in forms).</summary>
    public static IEnumerable<(string Name, string Value)> Pairs(string text)
    {
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? string.Empty : part[(eq + 1)..];
            yield return (Decode(name), Decode(value));
        }
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
