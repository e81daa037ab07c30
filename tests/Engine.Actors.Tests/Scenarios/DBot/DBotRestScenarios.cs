using Engine.Actors.Venues.DBot;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tests.Scenarios.DBot;

/// <summary>DBot's REST through the login's long-lived client: the account's wallets (no WebSocket twin), and a refused key.</summary>
public class DBotRestScenarios : DBotScenarioBase
{
    [Fact]
    public void The_accounts_wallets_are_listed_over_rest_by_chain_family()
    {
        StartReady();
        Connections.Tell(new ListWallets(Login, UtcNow, "solana"), Strategy.Ref);
        var solana = Strategy.ExpectMsg<WalletsListed>(Wait);
        Assert.Equal(["sol-alt", "sol-main"], solana.Wallets.Select(w => w.Id).Order(StringComparer.Ordinal));
        Assert.All(solana.Wallets, w => Assert.Equal("solana", w.Type));
        Assert.All(solana.Wallets, w => Assert.False(string.IsNullOrEmpty(w.Address)));

        Connections.Tell(new ListWallets(Login, UtcNow), Strategy.Ref);
        Assert.Equal(3, Strategy.ExpectMsg<WalletsListed>(Wait).Wallets.Length);
    }

    [Fact]
    public async Task A_refused_key_on_rest_is_an_error_naming_the_401_never_the_key()
    {
        using var rest = new DBotRestClient(new DBotOptions { ApiKey = "not-a-dbot-key", Url = Simulator.WebSocketUri });
        var refused = await rest.GetAsync(DBotMapper.WalletsPath(0, null), CancellationToken.None);
        Assert.True(refused.Err);
        Assert.Contains("HTTP 401", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-dbot-key", refused.Error, StringComparison.Ordinal);

        using var good = new DBotRestClient(new DBotOptions { ApiKey = "demo-dbot-key", Url = Simulator.WebSocketUri });
        var listed = await good.GetAsync(DBotMapper.WalletsPath(0, "evm"), CancellationToken.None);
        Assert.Equal("eth-main", Assert.Single(DBotMapper.Wallets(listed.ResJson).Value!).Id);
    }

    [Fact]
    public void The_rest_base_is_the_trading_hosts_unless_given()
    {
        Assert.Equal(new Uri("https://api-bot-v1.dbotx.com/"), new DBotOptions { ApiKey = "k" }.RestBase);
        Assert.Equal(new Uri("http://127.0.0.1:7/"), new DBotOptions { ApiKey = "k", Url = new Uri("ws://127.0.0.1:7/trade/ws") }.RestBase);
        Assert.Equal(new Uri("https://example.test/"), new DBotOptions { ApiKey = "k", RestUrl = new Uri("https://example.test/") }.RestBase);
        var read = DBotRestClient.Read(System.Net.HttpStatusCode.OK, """{"err":true,"res":"bad page"}"""u8.ToArray(), "GET /account/wallets");
        Assert.Equal((true, "GET /account/wallets: bad page"), (read.Err, read.Error));
        Assert.Contains("HTTP 503", DBotRestClient.Read(System.Net.HttpStatusCode.ServiceUnavailable, [], "GET /x").Error, StringComparison.Ordinal);
    }
}
