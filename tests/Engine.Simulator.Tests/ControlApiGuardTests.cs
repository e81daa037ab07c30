using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;
using Engine.Simulator.Tests.Support;

namespace Engine.Simulator.Tests;

/// <summary>
/// Issue 16, item 6: the control API refuses what a web page could send it (a foreign Host or Origin, a body that is
/// not JSON) and answers bad market commands with 404/400 instead of 500. Real HTTP on loopback; each refused request
/// is checked to have changed nothing.
/// </summary>
public sealed class ControlApiGuardTests
{
    private const string Fault = """{"kind":"drop_reply","op":"place_order","count":1}""";

    public static TheoryData<string, string?, string?, string, HttpStatusCode> Refused => new()
    {
        // The reported attack: a cross-origin text/plain POST with a foreign Host and Origin.
        { "evil.example:80", "http://evil.example", "text/plain", Fault, HttpStatusCode.Forbidden },
        { "evil.example", null, "application/json", Fault, HttpStatusCode.Forbidden },
        { "127.0.0.1.nip.io", null, "application/json", Fault, HttpStatusCode.Forbidden },
        { "LOOPBACK", "http://evil.example", "application/json", Fault, HttpStatusCode.Forbidden },
        { "LOOPBACK", "null", "application/json", Fault, HttpStatusCode.Forbidden },
        { "LOOPBACK", "http://127.0.0.1.evil.example", "application/json", Fault, HttpStatusCode.Forbidden },
        { "LOOPBACK", null, "text/plain", Fault, HttpStatusCode.UnsupportedMediaType },
        { "LOOPBACK", null, "application/x-www-form-urlencoded", "kind=drop_reply", HttpStatusCode.UnsupportedMediaType },
        { "LOOPBACK", null, null, Fault, HttpStatusCode.UnsupportedMediaType },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_request_a_web_page_could_send_is_refused_and_arms_nothing(string host, string? origin, string? contentType, string body, HttpStatusCode expected)
    {
        await using var simulator = await SimulatorHost.StartAsync("quant-gateway", QuantTestClient.Options());
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(simulator.BaseUri, "_control/faults"))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Headers.Host = host == "LOOPBACK" ? simulator.BaseUri.Authority : host;
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (contentType is not null)
        {
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(simulator.Venue.Faults.Active);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("localhost", "http://localhost:3000")]
    [InlineData("[::1]", "https://[::1]")]
    [InlineData("LOOPBACK", "http://127.0.0.1")]
    public async Task A_loopback_json_request_is_served(string? host, string? origin)
    {
        await using var simulator = await SimulatorHost.StartAsync("quant-gateway", QuantTestClient.Options());
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(simulator.BaseUri, "_control/faults"))
        {
            Content = new StringContent(Fault, Encoding.UTF8, "application/json"),
        };
        if (host is not null)
        {
            request.Headers.Host = host == "LOOPBACK" ? simulator.BaseUri.Authority : $"{host}:{simulator.Port}";
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FaultKind.DropReply, Assert.Single(simulator.Venue.Faults.Active).Kind);
    }

    [Fact]
    public async Task A_get_from_a_foreign_origin_is_refused_too()
    {
        await using var simulator = await SimulatorHost.StartAsync("binance", new SimulatorOptions());
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(simulator.BaseUri, "_control/faults"));
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("quant-gateway", """{"symbol":"NOPE","mid":1}""", HttpStatusCode.NotFound, "unknown symbol 'NOPE'")]
    [InlineData("binance", """{"symbol":"NOPE","mid":1}""", HttpStatusCode.NotFound, "unknown symbol 'NOPE'")]
    [InlineData("quant-gateway", """{"symbol":"BTC/USDT","mid":0}""", HttpStatusCode.BadRequest, "mid must be positive, got 0")]
    [InlineData("quant-gateway", """{"symbol":"BTC/USDT","mid":-5}""", HttpStatusCode.BadRequest, "mid must be positive, got -5")]
    [InlineData("binance", """{"symbol":"BTCUSDT","mid":0}""", HttpStatusCode.BadRequest, "mid must be positive, got 0")]
    [InlineData("quant-gateway", """{"mid":100}""", HttpStatusCode.BadRequest, "a mid needs the symbol it is for")]
    public async Task A_bad_market_command_is_a_client_error_and_moves_nothing(string venue, string body, HttpStatusCode expected, string message)
    {
        await using var simulator = await SimulatorHost.StartAsync(venue, QuantTestClient.Options());
        using var control = simulator.CreateControlClient();
        var before = await control.MarketAsync(new MarketCommand());
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(simulator.BaseUri, "_control/market"), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await control.MarketAsync(new MarketCommand()));
    }

    [Fact]
    public async Task A_good_market_command_still_sets_the_mid()
    {
        await using var simulator = await SimulatorHost.StartAsync("quant-gateway", QuantTestClient.Options());
        using var control = simulator.CreateControlClient();

        var mids = await control.MarketAsync(new MarketCommand { Symbol = "BTC/USDT", Mid = 42000m });

        Assert.Equal(42000m, mids["BTC/USDT"]);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("localhost", true)]
    [InlineData("LocalHost", true)]
    [InlineData("[::1]", true)]
    [InlineData("::1", true)]
    [InlineData("", false)]
    [InlineData("evil.example", false)]
    [InlineData("localhost.evil.example", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("0.0.0.0", false)]
    public void Loopback_host_names(string host, bool loopback) => Assert.Equal(loopback, LocalControlGuard.IsLoopbackHost(host));
}
