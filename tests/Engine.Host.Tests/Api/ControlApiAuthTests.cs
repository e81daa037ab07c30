using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Engine.Host.Api;

namespace Engine.Host.Tests.Api;

/// <summary>The API with a bearer token from the environment: every /api route and /metrics need it; health and the page do not.</summary>
public sealed class ControlApiAuthTests(ControlApiAuthTests.Engine engine) : IClassFixture<ControlApiAuthTests.Engine>
{
    private const string Token = "t0ken-for-the-test";

    [Theory]
    [InlineData("GET", "api/status")]
    [InlineData("GET", "api/orders")]
    [InlineData("GET", "api/fills")]
    [InlineData("GET", "api/events")]
    [InlineData("GET", "metrics")]
    [InlineData("POST", "api/halt")]
    [InlineData("POST", "api/resume")]
    [InlineData("POST", "api/reduce")]
    [InlineData("POST", "api/logins/qg-huobi/cancel-all")]
    [InlineData("POST", "api/strategies/mm-1/stop")]
    public async Task Without_the_token_every_api_route_is_refused_with_401(string method, string path)
    {
        using var request = Request(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");

        var response = await engine.Running.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(Token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_token_the_api_answers_and_health_and_the_page_need_none()
    {
        using var request = Request("GET", "api/status");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var status = await (await engine.Running.Http.SendAsync(request)).Content.ReadFromJsonAsync(ApiJsonContext.Default.ApiStatus);
        Assert.Equal("qg-huobi", Assert.Single(status!.Logins).Name);

        Assert.Equal(HttpStatusCode.OK, (await engine.Running.Http.GetAsync("health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await engine.Running.Http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await engine.Running.Http.GetAsync("api/fills?access_token=" + Token)).StatusCode);
    }

    [Fact]
    public async Task The_cli_sends_the_token_from_the_environment()
    {
        Environment.SetEnvironmentVariable("ENGINE_API_TOKEN", Token);
        try
        {
            var (code, output, error) = await CliRunner.RunAsync("status", "--url", engine.Running.BaseAddress.ToString());
            Assert.True(code == 0, error);
            Assert.Contains("qg-huobi", output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ENGINE_API_TOKEN", null);
        }

        var (refused, _, message) = await CliRunner.RunAsync("status", "--url", engine.Running.BaseAddress.ToString());
        Assert.Equal(1, refused);
        Assert.Contains("401", message, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "POST" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
    };

    /// <summary>One engine with a token for the class.</summary>
    public sealed class Engine : IAsyncLifetime
    {
        public RunningEngine Running { get; } = new() { Token = Token };

        public Task InitializeAsync() => Running.InitializeAsync();

        public Task DisposeAsync() => Running.DisposeAsync();
    }
}
