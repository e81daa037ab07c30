using Engine.Config;
using Engine.Host.Configuration;

namespace Engine.Host.Tests.Api;

public sealed class RiskConfigTests
{
    [Fact]
    public void Engine_risk_and_engine_api_bind_from_hocon()
    {
        using var dir = new TempDir();
        var loaded = EngineConfiguration.Load(dir.File("engine.conf", $$"""
            include "{{Path.Combine(CliRunner.RepoRoot(), "hocon", "engine.conf").Replace('\\', '/')}}"
            engine.risk {
              logins = [ { name = qg-huobi, max-open-orders = 20, max-order-notional = 50000 } ]
              strategies = [ { name = mm-1, max-orders = 20, rate-window = 2s, max-daily-loss = 500 } ]
              symbols = [ { name = "BTC/USDT", max-order-quantity = 0.01, price-band = 0.05, max-net-position = 0.1 } ]
              max-consecutive-rejects = 3
              login-not-ready-halt-after = 30s
              halt-cancels-working-orders = false
            }
            engine.api { host = "::1", port = 9000, token-variable = MY_TOKEN }
            """));

        var risk = loaded.Options.Risk;
        Assert.Equal((20, 50_000m), (risk.Logins[0].MaxOpenOrders, risk.Logins[0].MaxOrderNotional));
        Assert.Equal((20, TimeSpan.FromSeconds(2), 500m), (risk.Strategies[0].MaxOrders, risk.Strategies[0].RateWindow, risk.Strategies[0].MaxDailyLoss));
        Assert.Equal((0.01m, 0.05m, 0.1m), (risk.Symbols[0].MaxOrderQuantity, risk.Symbols[0].PriceBand, risk.Symbols[0].MaxNetPosition));
        Assert.Null(risk.Symbols[0].MaxOpenOrders);
        Assert.Equal((3, TimeSpan.FromSeconds(30), false), (risk.MaxConsecutiveRejects, risk.LoginNotReadyHaltAfter, risk.HaltCancelsWorkingOrders));
        Assert.Equal(("::1", 9000, "MY_TOKEN"), (loaded.Options.Api.Host, loaded.Options.Api.Port, loaded.Options.Api.TokenVariable));
    }

    [Theory]
    [InlineData("engine.risk.strategies = [ { name = ghost, max-orders = 1 } ]", "strategy 'ghost'")]
    [InlineData("engine.risk.logins = [ { name = ghost } ]", "login 'ghost'")]
    [InlineData("engine.risk.symbols = [ { name = X, price-band = -1 } ]", "price-band")]
    [InlineData("engine.risk.symbols = [ { name = X }, { name = X } ]", "more than one entry")]
    [InlineData("engine.risk.strategies = [ { name = mm-1, max-oders = 1 } ]", "max-oders")]
    [InlineData("engine.api.host = \"example.com\"", "not an IP address")]
    [InlineData("engine.api.port = 70000", "port")]
    public void Bad_risk_and_api_settings_stop_start_up_with_file_and_key(string hocon, string mentions)
    {
        using var dir = new TempDir();
        var file = dir.File("engine.conf", $$"""
            include "{{Path.Combine(CliRunner.RepoRoot(), "hocon", "engine.conf").Replace('\\', '/')}}"
            {{hocon}}
            """);

        var error = Assert.Throws<ConfigException>(() => EngineConfiguration.Load(file));

        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
    }
}
