using Engine.Host.Api;

namespace Engine.Host.Tests.Api;

public sealed class ApiSecurityTests
{
    [Theory]
    [InlineData("127.0.0.1", null, true)]
    [InlineData("::1", null, true)]
    [InlineData("localhost", null, true)]
    [InlineData("0.0.0.0", null, false)]
    [InlineData("0.0.0.0", "", false)]
    [InlineData("0.0.0.0", "secret", true)]
    [InlineData("192.168.1.10", "secret", true)]
    public void Binding_beyond_loopback_needs_a_token(string host, string? token, bool allowed)
    {
        var error = ApiSecurity.StartupError(new ApiOptions { Host = host, TokenVariable = "MY_TOKEN" }, token);

        Assert.Equal(allowed, error is null);
        if (error is not null)
        {
            Assert.Contains("MY_TOKEN", error, StringComparison.Ordinal);
            Assert.Contains(host, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_engine_refuses_to_start_on_a_public_address_without_a_token()
    {
        var options = new ApiOptions { Host = "0.0.0.0", TokenVariable = "ENGINE_TEST_TOKEN_" + Guid.NewGuid().ToString("N") };

        var error = Assert.Throws<InvalidOperationException>(() => ApiHosting.ThrowIfInsecure(options));
        Assert.Contains("not a loopback address", error.Message, StringComparison.Ordinal);
        ApiHosting.ThrowIfInsecure(options with { Enabled = false });
    }

    [Theory]
    [InlineData("GET", "127.0.0.1:8080", null, null, null, true, null, null)]
    [InlineData("GET", "localhost:8080", "http://localhost:8080", null, null, true, null, null)]
    [InlineData("GET", "[::1]:8080", null, null, null, true, null, null)]
    [InlineData("GET", "evil.example", null, null, null, true, null, 403)]
    [InlineData("GET", "127.0.0.1:8080", "http://evil.example", null, null, true, null, 403)]
    [InlineData("GET", "127.0.0.1:8080", "null", null, null, true, null, 403)]
    [InlineData("POST", "127.0.0.1:8080", null, "text/plain", null, true, null, 415)]
    [InlineData("POST", "127.0.0.1:8080", null, "application/json; charset=utf-8", null, true, null, null)]
    [InlineData("GET", "127.0.0.1:8080", null, null, null, true, "tok", 401)]
    [InlineData("GET", "127.0.0.1:8080", null, null, "Bearer nope", true, "tok", 401)]
    [InlineData("GET", "127.0.0.1:8080", null, null, "Bearer tok", true, "tok", null)]
    [InlineData("GET", "127.0.0.1:8080", null, null, null, false, "tok", null)]
    [InlineData("GET", "engine.internal:8080", null, null, "Bearer tok", true, "tok", 403)]
    public void The_guard_checks_host_origin_content_type_and_token(
        string method, string host, string? origin, string? contentType, string? authorization, bool needsToken, string? token, int? refused)
    {
        var verdict = ApiSecurity.Check(new ApiRequest(method, host, origin, contentType, authorization, null, needsToken), boundLoopback: true, token);

        Assert.Equal(refused, verdict?.Status);
    }

    [Fact]
    public void Bound_beyond_loopback_any_host_passes_with_the_token()
    {
        var request = new ApiRequest("GET", "engine.internal:8080", "http://engine.internal:8080", null, "Bearer tok", null, true);

        Assert.Null(ApiSecurity.Check(request, boundLoopback: false, "tok"));
        Assert.Equal(401, ApiSecurity.Check(request with { Authorization = null }, boundLoopback: false, "tok")?.Status);
    }
}
