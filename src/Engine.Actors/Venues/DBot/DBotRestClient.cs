using System.Net;
using System.Text;
using System.Text.Json;

namespace Engine.Actors.Venues.DBot;

/// <summary>
/// DBot's trading REST (reference §4) for what the WebSocket has no method for: one long-lived
/// <see cref="HttpClient"/> over a <see cref="SocketsHttpHandler"/> (pooled connections, renewed every few minutes so
/// DNS changes behind the CDN are seen) per login, <c>x-api-key</c> on every request, the call deadline of
/// <see cref="DBotOptions.RequestTimeout"/>. Answers are read from the envelope <c>{"err","res"}</c> into a
/// <see cref="DBotRpcReply"/> (the same shape as a WebSocket reply); HTTP 401 says the key was refused; any other
/// non-success status, an unreadable body or a timeout is an error naming it. Never logs or returns the key.
/// Thread-safe as <see cref="HttpClient"/> is. Dispose to release the connections.
/// </summary>
public sealed class DBotRestClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates the client of one login.</summary>
    public DBotRestClient(DBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = options.RequestTimeout })
        {
            BaseAddress = options.RestBase,
            Timeout = options.RequestTimeout,
        };
        _http.DefaultRequestHeaders.Add("x-api-key", options.ApiKey);
    }

    /// <summary>GET <paramref name="pathAndQuery"/> (relative to the REST base) as a reply; never throws but for cancellation.</summary>
    public async Task<DBotRpcReply> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(pathAndQuery.TrimStart('/'), cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return Read(response.StatusCode, body, "GET /" + pathAndQuery.TrimStart('/').Split('?')[0]);
        }
        catch (HttpRequestException ex)
        {
            return new DBotRpcReply(true, null, $"GET {pathAndQuery.Split('?')[0]} failed: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DBotRpcReply(true, null, $"GET {pathAndQuery.Split('?')[0]}: no answer within {_http.Timeout}");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>
    /// One REST answer as a reply. ASSUMPTION (the error body is undocumented, as on the WebSocket): the reason of
    /// <c>err: true</c> is <c>res</c> (a string, or its JSON).
    /// </summary>
    public static DBotRpcReply Read(HttpStatusCode status, byte[] body, string what)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (status == HttpStatusCode.Unauthorized)
        {
            return new DBotRpcReply(true, null, $"{what}: DBot refused the API key (HTTP 401): check dbot.api-key");
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200));
        if ((int)status is < 200 or > 299)
        {
            return new DBotRpcReply(true, null, $"{what} answered HTTP {(int)status}: {text}");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("err", out var err) || err.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return new DBotRpcReply(true, null, $"{what} answered without the {{\"err\",\"res\"}} envelope: {text}");
            }

            var res = root.TryGetProperty("res", out var r) ? r : default;
            var resJson = res.ValueKind == JsonValueKind.Undefined ? null : res.GetRawText();
            return err.GetBoolean()
                ? new DBotRpcReply(true, resJson, $"{what}: {(res.ValueKind == JsonValueKind.String ? res.GetString() : resJson ?? "err: true without a reason")}")
                : new DBotRpcReply(false, resJson, null);
        }
        catch (JsonException ex)
        {
            return new DBotRpcReply(true, null, $"{what} answered with unreadable JSON ({ex.Message}): {text}");
        }
    }
}
