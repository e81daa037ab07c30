using System.Net;
using System.Net.Sockets;
using Engine.Host.Configuration;
using Engine.Host.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Host.Tests.Api;

/// <summary>
/// The real engine in-process (<see cref="EngineRuntime"/>: the quant gateway simulator, the sample market maker, the
/// SQLite journal in a temp folder, the control API on a free loopback port), started for a test class and stopped
/// after it. <see cref="Http"/> talks to its API.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xUnit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class RunningEngine : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private readonly CancellationTokenSource _stop = new();
    private Task<int>? _run;

    /// <summary>The environment variable this engine reads its token from (unique per instance; unset unless <see cref="Token"/> is given).</summary>
    public string TokenVariable { get; } = "ENGINE_TEST_TOKEN_" + Guid.NewGuid().ToString("N");

    /// <summary>The bearer token to require; null runs without one.</summary>
    public string? Token { get; init; }

    /// <summary>Extra HOCON appended to the configuration.</summary>
    public string ExtraHocon { get; init; } = string.Empty;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string JournalPath => Path.Combine(_dir.Path, "engine.db").Replace('\\', '/');

    public async Task InitializeAsync()
    {
        var port = FreePort();
        if (Token is not null)
        {
            Environment.SetEnvironmentVariable(TokenVariable, Token);
        }

        var config = EngineConfiguration.Load(_dir.File("engine.conf", $$"""
            include "{{Path.Combine(CliRunner.RepoRoot(), "hocon", "engine.conf").Replace('\\', '/')}}"
            engine.journal.sqlite.path = "{{JournalPath}}"
            engine.snapshot-store.sqlite.path = "{{JournalPath}}"
            engine.api { port = {{port}}, token-variable = {{TokenVariable}} }
            {{ExtraHocon}}
            """));
#pragma warning disable RS0030 // the test is the composition root of this engine
        _run = Task.Run(() => new EngineRuntime(config, NullLoggerFactory.Instance, TimeProvider.System).RunAsync(_stop.Token));
#pragma warning restore RS0030
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await Eventually(async () => (await Http.GetAsync("health/live")).IsSuccessStatusCode, "the API answers /health/live");
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run;
        }

        Http?.Dispose();
        _stop.Dispose();
        Environment.SetEnvironmentVariable(TokenVariable, null);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    /// <summary>Awaits <paramref name="condition"/>, polling, for at most 30 s; fails naming <paramref name="what"/>.</summary>
    public async Task Eventually(Func<Task<bool>> condition, string what)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_run is { IsCompleted: true })
            {
                throw new InvalidOperationException($"the engine stopped (exit {await _run}) while waiting until {what}");
            }

            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException("timed out waiting until " + what);
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
