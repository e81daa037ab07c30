using System.Net.WebSockets;
using System.Text.Json;
using Engine.Simulator.Hosting;
using Engine.Simulator.Tests.Binance;
using Engine.Simulator.Tests.Support;

namespace Engine.Simulator.Tests;

/// <summary>
/// Issue 16, item 3, in the simulators: a request holding a lone surrogate escape is answered with the venue's own
/// error naming the problem, and the same connection keeps working (it used to be a Kestrel unhandled exception that
/// closed the connection).
/// </summary>
public sealed class SurrogateFrameTests
{
    [Theory]
    [InlineData("""{"op":"ping","ts":"\ud800"}""")]
    [InlineData("""{"op":"\udc00"}""")]
    [InlineData("""{"op":"login","cid":"\ud800x","platform":"huobi","symbols":["BTC/USDT"],"access_key":"demo-spot-key","secret_key":"demo-spot-secret"}""")]
    public async Task The_quant_gateway_answers_an_error_and_keeps_the_connection(string frame)
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", QuantTestClient.Options());
        await using var client = await QuantTestClient.ConnectAsync(host);

        await client.SendAsync(frame);
        var error = await client.ExpectOpAsync("error");
        await client.SendAsync("""{"op":"ping","ts":7}""");
        await client.ExpectOpAsync("pong");

        Assert.Contains("lone surrogate escape", QuantTestClient.Str(error, "error_message"), StringComparison.Ordinal);
        Assert.Equal(WebSocketState.Open, client.Socket.State);
    }

    [Theory]
    [InlineData("""{"id":"\ud800","method":"ping"}""")]
    [InlineData("""{"id":1,"method":"\udbff"}""")]
    [InlineData("""{"id":2,"method":"order.place","params":{"symbol":"BTC\ud800USDT"}}""")]
    public async Task Binance_answers_an_error_and_keeps_the_connection(string frame)
    {
        var (h, _) = await BinanceTestClient.StartAsync();
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);

        await client.SendAsync(frame);
        var error = await client.ExpectAsync(e => e.TryGetProperty("status", out _));
        var pong = await client.RequestAsync("after", "ping");

        Assert.Equal(400, error.GetProperty("status").GetInt32());
        Assert.Equal(-1135, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("lone surrogate escape", error.GetProperty("error").GetProperty("msg").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, pong.GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("id").ValueKind);
    }
}
