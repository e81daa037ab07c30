using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Engine.Simulator.Hosting;

namespace Engine.Simulator.Tests.DBot;

/// <summary>Reference §3: the data WebSocket's key check, subscribe acknowledgements, and the chain's trades and prices as pushes.</summary>
public class DBotDataSocketTests
{
    private const string Popcat = "Hkj4kM5ZfpjjL8y6YJEXxWqvMjUbVZMGd2t5xxg2ZrBv";

    [Fact]
    public async Task The_data_upgrade_without_a_known_key_is_refused_with_401()
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;
        client.Options.SetRequestHeader("X-API-KEY", "not-a-key");
        await Assert.ThrowsAsync<WebSocketException>(() => client.ConnectAsync(new Uri($"ws://127.0.0.1:{host.Port}/data/ws/"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, client.HttpStatusCode);
    }

    [Fact]
    public async Task Subscriptions_are_acknowledged_and_pools_push_their_trades_and_prices()
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host, path: "/data/ws/");

        await client.SendAsync(Frame("subscribe", "tx", "[\"" + Popcat + "\"]"));
        var ack = await client.NextAsync();
        Assert.Equal(("ack", "subscribeResponse", "tx", "Connected and subscribed"), (Text(ack, "status"), Text(ack, "method"), Text(ack.GetProperty("result"), "type"), Text(ack.GetProperty("result"), "message")));
        Assert.Equal("[\"tx\"]", ack.GetProperty("result").GetProperty("subscribed").GetRawText());

        await client.SendAsync(Frame("subscribe", "pairInfo", "\"" + Popcat + "\""));
        Assert.Equal("[\"pairInfo\",\"tx\"]", (await client.NextAsync()).GetProperty("result").GetProperty("subscribed").GetRawText());

        DBotTestClient.Venue(host).ApplyMarket(new MarketCommand { Symbol = "POPCAT", Mid = 0.5m });
        var info = await client.NextAsync();
        Assert.Equal(("pairInfo", Popcat, 0.5m), (Text(info, "type"), Text(info.GetProperty("result"), "p"), info.GetProperty("result").GetProperty("tp").GetDecimal()));

        DBotTestClient.Venue(host).LeaderTrade(DBotTestClient.Leader, "POPCAT", buy: true);
        var tx = (await client.NextAsync()).GetProperty("result")[0];
        Assert.Equal(("buy", Popcat, DBotTestClient.Leader), (Text(tx, "tt"), Text(tx, "p"), Text(tx, "ac")));
        Assert.Equal(0.5m, tx.GetProperty("u").GetDecimal() / tx.GetProperty("q").GetDecimal());

        await client.SendAsync(Frame("unsubscribe", "tx", "[\"" + Popcat + "\"]"));
        Assert.Equal(("ack", "unsubscribeResponse"), Pair(await client.NextAsync()));
        Assert.Equal(["pairInfo:" + Popcat], DBotTestClient.Venue(host).Connections().Single(c => c.Kind == "data").Subscriptions);

        await client.SendAsync("""{"method":"subscribe","type":"tx","args":{"pair":["nope"]}}""");
        var refused = await client.NextAsync();
        Assert.Equal("error", Text(refused, "status"));
        Assert.Contains("unknown pair(s) nope", Text(refused.GetProperty("result"), "message"), StringComparison.Ordinal);
    }

    private static string Frame(string method, string type, string pairJson) =>
        "{\"method\":\"" + method + "\",\"type\":\"" + type + "\",\"args\":{\"pair\":" + pairJson + "}}";

    private static (string?, string?) Pair(JsonElement frame) => (Text(frame, "status"), Text(frame, "method"));

    private static string? Text(JsonElement element, string name) => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
