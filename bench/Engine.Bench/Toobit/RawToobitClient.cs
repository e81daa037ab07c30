using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Engine.Bench.Toobit;

/// <summary>
/// The baseline: one long-lived <see cref="HttpClient"/> (pooled keep-alive connection) that signs and sends the same
/// <c>POST /api/v1/spot/order</c> form body the engine sends (symbol, side, LIMIT GTC, quantity, price,
/// <c>newClientOrderId</c>, <c>recvWindow</c>, <c>timestamp</c>, HMAC-SHA256 hex <c>signature</c> last, <c>X-BB-APIKEY</c>)
/// and waits for the response, one request at a time. No user stream, no journal, no actors. Not thread-safe.
/// </summary>
internal sealed class RawToobitClient : IDisposable
{
    private readonly HttpClient http;
    private readonly string apiKey;
    private readonly HMACSHA256 hmac;

    public RawToobitClient(Uri baseUri, string apiKey, string secret)
    {
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = baseUri };
        this.apiKey = apiKey;
        hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>Places <paramref name="count"/> orders one after another; returns each round trip (sign, send, response) in Stopwatch ticks.</summary>
    public async Task<long[]> RoundTripsAsync(string clientOrderIdPrefix, int count, CancellationToken cancellationToken)
    {
        var samples = new long[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            var body = string.Create(CultureInfo.InvariantCulture, $"symbol={ToobitBenchOrder.Symbol}&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=1000&newClientOrderId={clientOrderIdPrefix}{i}&recvWindow=5000&timestamp={timestamp}");
            body += "&signature=" + Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(body)));
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/spot/order") { Content = new StringContent(body, Encoding.UTF8) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            request.Headers.Add("X-BB-APIKEY", apiKey);
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode || !text.Contains("\"orderId\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"raw Toobit order refused: HTTP {(int)response.StatusCode} {text}");
            }

            samples[i] = Stopwatch.GetTimestamp() - started;
        }

        return samples;
    }

    public void Dispose()
    {
        http.Dispose();
        hmac.Dispose();
    }
}
