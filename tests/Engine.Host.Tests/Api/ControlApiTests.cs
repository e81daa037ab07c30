using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Engine.Host.Api;

namespace Engine.Host.Tests.Api;

/// <summary>
/// Every endpoint of the control API against a real running engine (simulator, market maker, SQLite journal) without a
/// token: answers, problem details for bad input, and the guard against foreign hosts, origins and form posts.
/// </summary>
public sealed class ControlApiTests(ControlApiTests.Engine engine) : IClassFixture<ControlApiTests.Engine>
{
    private HttpClient Http => engine.Running.Http;

    [Fact]
    public async Task Status_shows_the_login_ready_the_strategy_running_and_the_engine_active()
    {
        var status = await ReadyStatusAsync();

        var login = Assert.Single(status.Logins);
        Assert.Equal(("qg-huobi", "quant-gateway", "Ready"), (login.Name, login.Venue, login.State));
        Assert.Contains("READY", login.VenueState, StringComparison.OrdinalIgnoreCase);
        var strategy = Assert.Single(status.Strategies);
        Assert.Equal(("mm-1", true), (strategy.Name, strategy.Running));
        Assert.Contains(status.Risk, r => r.Scope == "engine");
    }

    [Fact]
    public async Task Orders_filter_by_login_and_status_and_refuse_what_they_do_not_know()
    {
        await engine.Running.Eventually(async () => (await Orders("orders?status=open")).Length > 0, "the market maker quotes");

        Assert.All(await Orders("orders?login=qg-huobi&status=open"), o => Assert.Contains(o.Status, new[] { "Submitted", "Accepted", "PartiallyFilled", "PendingCancel", "Unknown" }));
        Assert.Equal((await Orders("orders")).Length, (await Orders("orders?login=qg-huobi")).Length);
        await AssertProblem(await Http.GetAsync("api/orders?status=sideways"), HttpStatusCode.BadRequest, "sideways");
        await AssertProblem(await Http.GetAsync("api/orders?login=nobody"), HttpStatusCode.NotFound, "nobody");
    }

    [Fact]
    public async Task Fills_arrive_and_since_filters_them()
    {
        await engine.Running.Eventually(async () => (await Fills("api/fills")).Length > 0, "a fill arrives");
        var all = await Fills("api/fills");
        var last = all[^1];

        var since = await Fills("api/fills?since=" + Uri.EscapeDataString(last.Timestamp.ToString("O")));
        Assert.Contains(since, f => f.FillId == last.FillId);
        Assert.All(since, f => Assert.True(f.Timestamp >= last.Timestamp));
        await AssertProblem(await Http.GetAsync("api/fills?since=yesterday"), HttpStatusCode.BadRequest, "yesterday");
    }

    [Fact]
    public async Task Halt_reduce_and_resume_a_strategy_a_login_and_the_engine_and_the_journal_keeps_each_change()
    {
        await ReadyStatusAsync();
        var halted = await State("halt", """{"strategy":"mm-1","reason":"api test","cancel":false}""");
        Assert.Equal(("strategy:mm-1", "Active", "Halted", true, "api"), (halted.Scope, halted.From, halted.To, halted.Changed, halted.By));
        Assert.Equal("Halted", Assert.Single((await Status()).Strategies).TradingState);
        Assert.False((await State("halt", """{"strategy":"mm-1"}""")).Changed);

        Assert.Equal("Reducing", (await State("reduce", """{"login":"qg-huobi"}""")).To);
        Assert.Equal("Halted", (await State("halt", "{}")).To);
        Assert.Equal("Halted", (await Status()).EngineState);
        foreach (var body in new[] { "{}", """{"login":"qg-huobi"}""", """{"strategy":"mm-1"}""" })
        {
            Assert.Equal("Active", (await State("resume", body)).To);
        }

        Assert.Equal("Active", (await Status()).EngineState);
        await AssertProblem(await Post("api/halt", """{"login":"qg-huobi","strategy":"mm-1"}"""), HttpStatusCode.BadRequest, "not both");
        await AssertProblem(await Post("api/halt", """{"login":"nobody"}"""), HttpStatusCode.NotFound, "nobody");
        await AssertProblem(await Post("api/halt", """{"strategy":"nobody"}"""), HttpStatusCode.NotFound, "nobody");
        await AssertProblem(await Post("api/halt", "{not json"), HttpStatusCode.BadRequest, "state command");
        var scopes = (await Status()).Risk.ToDictionary(r => r.Scope);
        Assert.Equal("api", scopes["strategy:mm-1"].ChangedBy);

        var (code, output, error) = await CliRunner.RunAsync("audit", "--journal", engine.Running.JournalPath);
        Assert.True(code == 0, error);
        Assert.Contains("strategy:mm-1            Active   -> Halted   by api: api test", output, StringComparison.Ordinal);
        Assert.Contains("login:qg-huobi           Active   -> Reducing", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_all_is_accepted_for_a_login_and_refused_for_an_unknown_one()
    {
        await ReadyStatusAsync();
        var response = await Post("api/logins/qg-huobi/cancel-all", "{}");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync(ApiJsonContext.Default.ApiCancelAllResult);
        Assert.Equal("qg-huobi", result!.Login);

        await AssertProblem(await Post("api/logins/nobody/cancel-all", "{}"), HttpStatusCode.NotFound, "nobody");
    }

    [Fact]
    public async Task A_strategy_is_stopped_and_started_again_and_a_second_stop_or_an_unknown_one_is_refused()
    {
        await ReadyStatusAsync();

        Assert.Equal(HttpStatusCode.OK, (await Post("api/strategies/mm-1/stop", "{}")).StatusCode);
        await engine.Running.Eventually(async () => !Assert.Single((await Status()).Strategies).Running, "mm-1 stopped");
        await AssertProblem(await Post("api/strategies/mm-1/stop", "{}"), HttpStatusCode.Conflict, "not running");

        Assert.Equal(HttpStatusCode.OK, (await Post("api/strategies/mm-1/start", "{}")).StatusCode);
        Assert.True(Assert.Single((await Status()).Strategies).Running);
        await AssertProblem(await Post("api/strategies/mm-1/start", "{}"), HttpStatusCode.Conflict, "already running");
        await AssertProblem(await Post("api/strategies/nobody/stop", "{}"), HttpStatusCode.NotFound, "nobody");
    }

    [Fact]
    public async Task Health_is_live_at_once_and_ready_once_the_login_is_ready()
    {
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("health/live")).StatusCode);
        await engine.Running.Eventually(async () => (await Http.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK, "/health/ready says ready");
        var health = await Http.GetFromJsonAsync("health/ready", ApiJsonContext.Default.ApiHealth);
        Assert.Equal("ready", health!.Status);
    }

    [Fact]
    public async Task Metrics_are_scraped_in_prometheus_format()
    {
        await engine.Running.Eventually(async () => (await Http.GetStringAsync("metrics")).Contains("engine_orders_submitted_total", StringComparison.Ordinal), "orders are counted");
        var text = await Http.GetStringAsync("metrics");
        Assert.Contains("engine_connection_state{", text, StringComparison.Ordinal);
        Assert.Contains("engine_orders_round_trip_milliseconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("engine_risk_state{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_event_stream_sends_the_status()
    {
        using var response = await Http.GetAsync("api/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("event: status", await reader.ReadLineAsync());
        var data = await reader.ReadLineAsync();
        Assert.StartsWith("data: ", data, StringComparison.Ordinal);
        var status = JsonSerializer.Deserialize(data!["data: ".Length..], ApiJsonContext.Default.ApiStatus);
        Assert.Equal("qg-huobi", Assert.Single(status!.Logins).Name);
    }

    [Theory]
    [InlineData("Host", "evil.example:8080", HttpStatusCode.Forbidden, "Host")]
    [InlineData("Origin", "http://evil.example", HttpStatusCode.Forbidden, "origin")]
    public async Task Foreign_hosts_and_origins_are_refused(string header, string value, HttpStatusCode expected, string mentions)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/status");
        request.Headers.TryAddWithoutValidation(header, value);
        await AssertProblem(await Http.SendAsync(request), expected, mentions);
    }

    [Fact]
    public async Task A_form_post_is_refused_and_a_page_of_this_engine_may_post()
    {
        using var form = new StringContent("login=qg-huobi", Encoding.UTF8, "application/x-www-form-urlencoded");
        await AssertProblem(await Http.PostAsync("api/halt", form), HttpStatusCode.UnsupportedMediaType, "application/json");

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/resume") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Origin", engine.Running.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, (await Http.SendAsync(request)).StatusCode);
    }

    private async Task<ApiStatus> ReadyStatusAsync()
    {
        await engine.Running.Eventually(async () => (await Status()).Logins.All(l => l.State == "Ready"), "the login is Ready");
        return await Status();
    }

    private async Task<ApiStatus> Status() => (await Http.GetFromJsonAsync("api/status", ApiJsonContext.Default.ApiStatus))!;

    private async Task<ApiOrder[]> Orders(string path) => (await Http.GetFromJsonAsync("api/" + path, ApiJsonContext.Default.ApiOrderArray))!;

    private async Task<ApiFill[]> Fills(string path) => (await Http.GetFromJsonAsync(path, ApiJsonContext.Default.ApiFillArray))!;

    private Task<HttpResponseMessage> Post(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<ApiStateResult> State(string verb, string json)
    {
        var response = await Post("api/" + verb, json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync(ApiJsonContext.Default.ApiStateResult))!;
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode expected, string mentions)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize(body, ApiJsonContext.Default.ProblemDetails);
        Assert.Equal((int)expected, problem!.Status);
        Assert.Contains(mentions, problem.Detail, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>One engine for the class.</summary>
    public sealed class Engine : IAsyncLifetime
    {
        public RunningEngine Running { get; } = new();

        public Task InitializeAsync() => Running.InitializeAsync();

        public Task DisposeAsync() => Running.DisposeAsync();
    }
}
