using System.Net;
using Engine.Simulator.Venues.Toobit;

namespace Engine.Simulator.Tests.Toobit;

/// <summary>The simulator's signature check on raw bytes (reference §5, §10.2) against the documented vectors, and over HTTP in all three placements.</summary>
public class ToobitSignatureTests
{
    private const string DocSecret = "30lfjDT51iOG1kYZnDoLNynOyMdIcmQyO1XYfxzYOmQfx9tjiI98Pzio4uhZ0Uk2";

    [Theory]
    [InlineData("symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=400&recvWindow=100000&timestamp=1668481902307&signature=8420e499e71cce4a00946db16543198b6bcae01791bdb75a06b5a7098b156468", "")]
    [InlineData("", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=400&recvWindow=100000&timestamp=1668481902307&signature=8420E499E71CCE4A00946DB16543198B6BCAE01791BDB75A06B5A7098B156468")]
    [InlineData("symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC", "quantity=1&price=400&recvWindow=10000000&timestamp=1668481902307&signature=59ef0b2085ebb99cca5b6445c202d99add17be2d5d1861c0f4aa17bc785ac4d5")]
    [InlineData("signature=59ef0b2085ebb99cca5b6445c202d99add17be2d5d1861c0f4aa17bc785ac4d5&symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC", "quantity=1&price=400&recvWindow=10000000&timestamp=1668481902307")]
    [InlineData("timestamp=1668481902307&recvWindow=5000", "symbol=BTCUSDT&side=SELL&type=LIMIT&quantity=1&price=400&signature=00be6fd37b6aba92a70e5b0a43e7a5ef84d1eb7fe296789e5535e0a6a1b14eef")]
    public void Documented_vectors_verify_in_every_placement(string query, string body) =>
        Assert.True(ToobitSignature.Verify(DocSecret, query, body, jsonBody: false, acceptJsonBodyVariant: false));

    [Fact]
    public void A_json_body_is_not_signed_and_a_changed_byte_fails()
    {
        const string v4 = "timestamp=1671880913657&signature=7548b6834613afed3b7d3b0b9bfb0e0b3e3799c46db3ea6b952439fde35cb88f";
        Assert.True(ToobitSignature.Verify(DocSecret, v4, "[{\"symbol\":\"BTCUSDT\"}]", jsonBody: true, acceptJsonBodyVariant: false));
        Assert.False(ToobitSignature.Verify(DocSecret, v4.Replace("1671880913657", "1671880913658", StringComparison.Ordinal), string.Empty, jsonBody: false, acceptJsonBodyVariant: false));
        Assert.False(ToobitSignature.Verify(DocSecret, "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=4000&recvWindow=100000&timestamp=1668481902307&signature=8420e499e71cce4a00946db16543198b6bcae01791bdb75a06b5a7098b156468", string.Empty, jsonBody: false, acceptJsonBodyVariant: false));
        Assert.False(ToobitSignature.Verify(DocSecret, "symbol=BTCUSDT", string.Empty, jsonBody: false, acceptJsonBodyVariant: false));
    }

    [Theory]
    [InlineData(Placement.Query)]
    [InlineData(Placement.Body)]
    [InlineData(Placement.Mixed)]
    public async Task The_account_endpoint_accepts_every_placement_and_refuses_a_wrong_secret(Placement placement)
    {
        await using var t = await ToobitTestClient.StartAsync();
        var ok = await t.SignedAsync(HttpMethod.Delete, "/api/v1/spot/openOrders", [("extra", "ignored value")], placement);
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        var bad = await t.SignedAsync(HttpMethod.Get, "/api/v1/account", [], placement, secret: "wrong-secret");
        Assert.Equal((HttpStatusCode.BadRequest, "-1022"), (bad.Status, bad.Code));
    }

    [Fact]
    public async Task Keys_timestamps_and_recv_window_are_checked()
    {
        await using var t = await ToobitTestClient.StartAsync();
        Assert.Equal((HttpStatusCode.Unauthorized, "-2014"), Pick(await t.SignedAsync(HttpMethod.Get, "/api/v1/account", [], key: null)));
        Assert.Equal((HttpStatusCode.Unauthorized, "-2015"), Pick(await t.SignedAsync(HttpMethod.Get, "/api/v1/account", [], key: "nobody")));
        Assert.Equal((HttpStatusCode.BadRequest, "-1102"), Pick(await t.SendAsync(HttpMethod.Get, "/api/v1/account", "timestamp=" + t.Now, string.Empty)));

        var stale = "recvWindow=5000&timestamp=" + (t.Now - 5001);
        Assert.Equal((HttpStatusCode.BadRequest, "-1021"), Pick(await t.SendAsync(HttpMethod.Get, "/api/v1/account", stale + "&signature=" + ToobitTestClient.Sign(ToobitTestClient.Secret, stale), string.Empty)));
        var ahead = "timestamp=" + (t.Now + 1000);
        Assert.Equal((HttpStatusCode.BadRequest, "-1021"), Pick(await t.SendAsync(HttpMethod.Get, "/api/v1/account", ahead + "&signature=" + ToobitTestClient.Sign(ToobitTestClient.Secret, ahead), string.Empty)));
        var edge = "recvWindow=5000&timestamp=" + (t.Now - 5000);
        Assert.Equal(HttpStatusCode.OK, (await t.SendAsync(HttpMethod.Get, "/api/v1/account", edge + "&signature=" + ToobitTestClient.Sign(ToobitTestClient.Secret, edge), string.Empty)).Status);
        var wide = "recvWindow=60001&timestamp=" + t.Now;
        Assert.Equal((HttpStatusCode.BadRequest, "-1130"), Pick(await t.SendAsync(HttpMethod.Get, "/api/v1/account", wide + "&signature=" + ToobitTestClient.Sign(ToobitTestClient.Secret, wide), string.Empty)));
    }

    [Fact]
    public async Task User_stream_endpoints_accept_an_unsigned_request_with_a_key()
    {
        await using var t = await ToobitTestClient.StartAsync();
        var unsigned = await t.SendAsync(HttpMethod.Post, "/api/v1/listenKey", string.Empty, string.Empty);
        var signed = await t.SignedAsync(HttpMethod.Post, "/api/v1/userDataStream", [], Placement.Body);
        Assert.Equal(unsigned.Body.GetProperty("listenKey").GetString(), signed.Body.GetProperty("listenKey").GetString());
        Assert.Equal((HttpStatusCode.Unauthorized, "-2014"), Pick(await t.SendAsync(HttpMethod.Post, "/api/v1/userDataStream", string.Empty, string.Empty, key: null)));
    }

    private static (HttpStatusCode, string?) Pick(ToobitAnswer answer) => (answer.Status, answer.Code);
}
