using System.Net;
using System.Net.Sockets;

namespace Engine.Host.Tests.Api;

public sealed class ApiStartupTests
{
    [Fact]
    public async Task A_taken_port_fails_start_up_with_one_clear_message_and_the_engine_stops_in_order()
    {
        using var dir = new TempDir();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var db = Path.Combine(dir.Path, "engine.db").Replace('\\', '/');
        var config = dir.File("engine.conf", $$"""
            include "{{Path.Combine(CliRunner.RepoRoot(), "hocon", "engine.conf").Replace('\\', '/')}}"
            engine.journal.sqlite.path = "{{db}}"
            engine.snapshot-store.sqlite.path = "{{db}}"
            engine.api.port = {{port}}
            """);

        var (code, _, error) = await CliRunner.RunAsync("run", "--config", config, "--for", "30s");

        Assert.Equal(1, code);
        Assert.StartsWith("engine run: start-up failed:", error, StringComparison.Ordinal);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_bind_without_a_token_is_refused_before_anything_starts()
    {
        using var dir = new TempDir();
        var config = dir.File("engine.conf", $$"""
            include "{{Path.Combine(CliRunner.RepoRoot(), "hocon", "engine.conf").Replace('\\', '/')}}"
            engine.journal.sqlite.path = "{{Path.Combine(dir.Path, "engine.db").Replace('\\', '/')}}"
            engine.api { host = "0.0.0.0", token-variable = ENGINE_TEST_NO_SUCH_TOKEN_{{Guid.NewGuid():N}} }
            """);

        var (code, _, error) = await CliRunner.RunAsync("run", "--config", config, "--for", "30s");

        Assert.Equal(1, code);
        Assert.Contains("is not a loopback address", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "engine.db")), "nothing started: the journal was never opened");
    }
}
