using Engine.Actors.Connections;
using Engine.Config;

namespace Engine.Actors.Tests.Connections;

/// <summary>A login's <c>external-orders</c> as HOCON binds it: report by default, cancel when asked, anything else named.</summary>
public sealed class ExternalOrderPolicyTests
{
    [Theory]
    [InlineData("", ExternalOrderPolicy.Report)]
    [InlineData("external-orders = report", ExternalOrderPolicy.Report)]
    [InlineData("external-orders = cancel", ExternalOrderPolicy.Cancel)]
    public void Binds_from_the_login(string line, ExternalOrderPolicy expected)
    {
        var options = Read($"login {{ {Login}, {line} }}").Bind<LoginOptions>("login");

        Assert.Equal(expected, options.ExternalOrders);
    }

    [Fact]
    public void An_unknown_policy_is_refused_naming_the_key_and_the_choices()
    {
        var error = Assert.Throws<ConfigException>(() => Read($"login {{ {Login}, external-orders = kill }}").Bind<LoginOptions>("login"));

        Assert.Contains("external-orders", error.Message, StringComparison.Ordinal);
        Assert.Contains("report, cancel", error.Message, StringComparison.Ordinal);
    }

    private const string Login =
        "name = a, venue = quant-gateway, quant-gateway { url = \"ws://127.0.0.1:1/ws/v1\", platform = huobi, symbols = [BTC/USDT], access-key = k, secret-key = s }";

    private static HoconConfig Read(string text) => HoconConfig.Parse(text).Resolve(_ => null);
}
