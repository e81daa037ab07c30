using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Tests.Support;
using Engine.Simulator.Venues.Toobit;

namespace Engine.Simulator.Tests.Toobit;

/// <summary>Signs and sends REST requests to a Toobit simulator on loopback with its own HMAC code (not the simulator's), on a manual clock.</summary>
public sealed class ToobitTestClient : IAsyncDisposable
{
    public const string Key = "demo-toobit-key";
    public const string Secret = "demo-toobit-secret";
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 12, 0, 30, 250, TimeSpan.Zero);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private ToobitTestClient(SimulatorHost host, ManualTimeProvider clock)
    {
        Host = host;
        Clock = clock;
        Http = new HttpClient { BaseAddress = host.BaseUri, Timeout = Timeout };
    }

    public SimulatorHost Host { get; }

    public ManualTimeProvider Clock { get; }

    public HttpClient Http { get; }

    public static async Task<ToobitTestClient> StartAsync(ToobitOptions? venue = null)
    {
        var clock = new ManualTimeProvider(Start);
        var options = new SimulatorOptions { Market = new MarketOptions { TickInterval = TimeSpan.Zero, Seed = 7 }, Toobit = venue ?? new ToobitOptions() };
        var host = await SimulatorHost.StartAsync("toobit", options, 0, null, clock);
        return new ToobitTestClient(host, clock);
    }

    public static string Sign(string secret, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));

    public static string Form(IEnumerable<(string Name, string Value)> pairs) =>
        string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));

    public long Now => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Sends a signed request with <c>recvWindow</c> and <c>timestamp</c> appended, the signature on the last part.</summary>
    public Task<ToobitAnswer> SignedAsync(HttpMethod method, string path, IEnumerable<(string Name, string Value)> parameters, Placement placement = Placement.Query, string? key = Key, string secret = Secret)
    {
        var all = parameters.Concat([("recvWindow", "5000"), ("timestamp", Now.ToString(CultureInfo.InvariantCulture))]).ToList();
        var (query, body) = placement switch
        {
            Placement.Query => (Form(all), string.Empty),
            Placement.Body => (string.Empty, Form(all)),
            _ => (Form(all.Take(all.Count / 2)), Form(all.Skip(all.Count / 2))),
        };
        var signature = Sign(secret, query + body);
        if (body.Length > 0)
        {
            body += "&signature=" + signature;
        }
        else
        {
            query += (query.Length > 0 ? "&" : string.Empty) + "signature=" + signature;
        }

        return SendAsync(method, path, query, body, key);
    }

    public async Task<ToobitAnswer> SendAsync(HttpMethod method, string path, string query, string body, string? key = Key, string contentType = "application/x-www-form-urlencoded")
    {
        using var request = new HttpRequestMessage(method, path + (query.Length > 0 ? "?" + query : string.Empty));
        if (key is not null)
        {
            request.Headers.Add("X-BB-APIKEY", key);
        }

        request.Headers.Add("X-BB-API-PLATFORM", "test-broker");
        if (body.Length > 0)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new ToobitAnswer(response.StatusCode, json, response.Headers.RetryAfter?.ToString());
    }

    public Task<ToobitAnswer> GetAsync(string path, string query = "") => SendAsync(HttpMethod.Get, path, query, string.Empty, null);

    public async Task<ToobitStream> OpenStreamAsync()
    {
        var key = await SignedAsync(HttpMethod.Post, "/api/v1/userDataStream", [], Placement.Body);
        Assert.Equal(HttpStatusCode.OK, key.Status);
        return await ToobitStream.ConnectAsync(Host, key.Body.GetProperty("listenKey").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
