using System.Globalization;
using System.Net.Http.Json;
using Engine.Host.Api;
using Engine.Host.Tests.Api;
using PuppeteerSharp;

namespace Engine.Host.Tests.Dashboard;

/// <summary>
/// The dashboard in headless Chromium against a running engine and its simulator: the page loads, its positions match
/// <c>GET /api/status</c>, a fill appears, and clicking Halt halts trading and the journal shows it. Screenshots are
/// saved as test artifacts (<c>artifacts/dashboard*.png</c> beside the test assembly, or under <c>ENGINE_TEST_ARTIFACTS</c>).
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly RunningEngine _engine = new();
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (ChromiumFactAttribute.ExecutablePath is not { } chromium)
        {
            return;
        }

        await _engine.InitializeAsync();
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            DefaultViewport = new ViewPortOptions { Width = 1440, Height = 900 },
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
            await _engine.DisposeAsync();
        }
    }

    [ChromiumFact]
    public async Task The_page_shows_the_engine_live_and_its_halt_button_halts_trading()
    {
        await using var page = await _browser!.NewPageAsync();
        page.Dialog += async (_, e) => await e.Dialog.Accept();
        await page.GoToAsync(_engine.BaseAddress.ToString());
        Assert.Equal("Engine", await page.GetTitleAsync());

        await page.WaitForSelectorAsync("#logins tbody tr[data-login='qg-huobi']", new WaitForSelectorOptions { Timeout = Ms(Patience) });
        await page.WaitForSelectorAsync("#fills tbody tr[data-fill]", new WaitForSelectorOptions { Timeout = Ms(Patience) });
        await _engine.Eventually(async () => await PagePositionsMatchTheApiAsync(page), "the page's positions equal GET /api/status");
        await page.WaitForSelectorAsync("#pnl-chart polyline", new WaitForSelectorOptions { Timeout = Ms(Patience) });
        await page.WaitForSelectorAsync("#mid-chart polyline", new WaitForSelectorOptions { Timeout = Ms(Patience) });
        await page.ScreenshotAsync(Artifact("dashboard.png"));

        await page.ClickAsync("#halt");

        await page.WaitForSelectorAsync("#banner[data-state='Halted']", new WaitForSelectorOptions { Timeout = Ms(Patience) });
        var status = await _engine.Http.GetFromJsonAsync("api/status", ApiJsonContext.Default.ApiStatus);
        Assert.Equal("Halted", status!.EngineState);
        Assert.Equal("dashboard", status.Risk.Single(r => r.Scope == "engine").ChangedBy);
        Assert.Contains("HALTED", await page.EvaluateExpressionAsync<string>("document.getElementById('alert').innerText"), StringComparison.Ordinal);
        await page.ScreenshotAsync(Artifact("dashboard-halted.png"));

        var (code, output, error) = await CliRunner.RunAsync("audit", "--journal", _engine.JournalPath);
        Assert.True(code == 0, error);
        Assert.Contains("Active   -> Halted   by dashboard: halted from the dashboard (working orders cancelled)", output, StringComparison.Ordinal);
    }

    private async Task<bool> PagePositionsMatchTheApiAsync(IPage page)
    {
        var shown = await page.EvaluateExpressionAsync<string[][]>(
            "[...document.querySelectorAll('#positions tbody tr[data-symbol]')].map(r => [r.dataset.login, r.dataset.symbol, r.querySelector('.position').textContent])");
        var status = await _engine.Http.GetFromJsonAsync("api/status", ApiJsonContext.Default.ApiStatus);
        var expected = status!.Positions
            .Select(p => new[] { p.Login, p.Symbol, p.Quantity.ToString("#,##0.########", CultureInfo.InvariantCulture) })
            .ToArray();
        return expected.Length > 0 && shown.Length == expected.Length && shown.Zip(expected).All(pair => pair.First.SequenceEqual(pair.Second));
    }

    private static string Artifact(string name)
    {
        var folder = Environment.GetEnvironmentVariable("ENGINE_TEST_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static int Ms(TimeSpan span) => (int)span.TotalMilliseconds;
}
