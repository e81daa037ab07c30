using Engine.Actors.Venues.QuantGateway;

namespace Engine.Actors.Tests.Venues.QuantGateway;

public class QuantGatewayOptionsTests
{
    private static QuantGatewayOptions Valid() => QuantGatewayMapperTests.Options();

    [Fact]
    public void Defaults_follow_the_reference()
    {
        var o = Valid();
        Assert.Empty(o.Validate());
        Assert.Equal((5, 15, 35), ((int)o.PingInterval.TotalSeconds, (int)o.IdleTimeout.TotalSeconds, (int)o.RequestTimeout.TotalSeconds));
        Assert.True(o.PadSingleCancel);
        Assert.Empty(o.BudgetWindows);
    }

    public static TheoryData<QuantGatewayOptions, string> Invalid() => new()
    {
        { Valid() with { Platform = "okex" }, "okex can never log in" },
        { Valid() with { Platform = "Huobi" }, "'Huobi' is not one of" },
        { Valid() with { Platform = "binance" }, "'binance' is not one of" },
        { Valid() with { Symbols = [] }, "symbols: at least one" },
        { Valid() with { AccessKey = " " }, "access-key" },
        { Valid() with { SecretKey = "" }, "secret-key" },
        { Valid() with { Url = new Uri("http://localhost:9878/ws/v1") }, "ws:// or wss://" },
        { Valid() with { PingInterval = TimeSpan.FromSeconds(20) }, "must be shorter than idle-timeout" },
        { Valid() with { RequestTimeout = TimeSpan.Zero }, "request-timeout" },
        { Valid() with { BudgetRequests = 0 }, "budget-requests" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validation_names_the_key(QuantGatewayOptions options, string message)
    {
        Assert.Contains(options.Validate(), e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Secret_never_prints()
    {
        var text = Valid().ToString();
        Assert.DoesNotContain("sk-456", text, StringComparison.Ordinal);
        Assert.Contains("SecretKey = ***", text, StringComparison.Ordinal);
        Assert.Contains("ak-123", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_becomes_a_request_window()
    {
        var window = Assert.Single((Valid() with { BudgetRequests = 20, BudgetWindow = TimeSpan.FromSeconds(2) }).BudgetWindows);
        Assert.Equal("REQUESTS 20/2s", window.ToString());
    }
}
