using Engine.Actors.Venues.Toobit;

namespace Engine.Actors.Tests.Venues.Toobit;

/// <summary>The signer against the published vectors V1–V13 (reference §5.1) and the placement of the signature (§5.2).</summary>
public class ToobitSignerTests
{
    private const string DocKey = "SRQGN9M8Sr87nbfKsaSxm33Y6CmGVtUu9Erz73g9vHFNn36VROOKSaWBQ8OSOtSq";
    private const string DocSecret = "30lfjDT51iOG1kYZnDoLNynOyMdIcmQyO1XYfxzYOmQfx9tjiI98Pzio4uhZ0Uk2";

    private static readonly ToobitSigner Signer = new(DocKey, DocSecret);

    [Theory]
    [InlineData("V1 query only", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=400&recvWindow=100000&timestamp=1668481902307", "", "8420e499e71cce4a00946db16543198b6bcae01791bdb75a06b5a7098b156468")]
    [InlineData("V1 body only", "", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=400&recvWindow=100000&timestamp=1668481902307", "8420e499e71cce4a00946db16543198b6bcae01791bdb75a06b5a7098b156468")]
    [InlineData("V2 mixed, no separator", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC", "quantity=1&price=400&recvWindow=10000000&timestamp=1668481902307", "59ef0b2085ebb99cca5b6445c202d99add17be2d5d1861c0f4aa17bc785ac4d5")]
    [InlineData("V3 the table's price 4000", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=4000&recvWindow=100000&timestamp=1668481902307", "", "f270912c7fda8f7341dbdd029063f23c61b0b308645579c2e382ee7077ba9975")]
    [InlineData("V4 batch: JSON body unsigned", "timestamp=1671880913657", "", "7548b6834613afed3b7d3b0b9bfb0e0b3e3799c46db3ea6b952439fde35cb88f")]
    [InlineData("V5 ccxt limit sell", "", "symbol=BTCUSDT&side=SELL&price=400&quantity=1&type=LIMIT&recvWindow=5000&timestamp=1668481902307", "b5c89c9ff5b5bf75c33a7f66aec7e512dd32e0611c64d722d70b242bea0f17e1")]
    [InlineData("V6 ccxt market buy by cost", "", "symbol=BTCUSDT&side=BUY&quantity=5&type=MARKET&recvWindow=5000&timestamp=1668481902307", "ec9f6b66249ff6b1d39c7badf36427bbeed5ed96a31c1e9fa789b3b80e0b135d")]
    [InlineData("V7 ccxt cancel", "", "orderId=123&symbol=BTCUSDT&recvWindow=5000&timestamp=1668481902307", "db8d771c2f37d113a89cddd9792d89a52f0b5776ce5b675134ad263753488d4a")]
    [InlineData("V8 ccxt query", "orderId=123&recvWindow=5000&timestamp=1668481902307", "", "21cf9380c69a11d9a5219bbc163414eb724edb9de901611b283c644c99d7eea0")]
    [InlineData("V9 account / listen key", "recvWindow=5000&timestamp=1668481902307", "", "18659d498e59cfcfab9be281e33ff6259314d3aab22618e4381d2a79408f7959")]
    [InlineData("V10 open orders, path not signed", "symbol=BTCUSDT&recvWindow=5000&timestamp=1668481902307", "", "20dac2b756cc6cb006b026940532c84a38f22a5a708e6a34dd34ed299488655a")]
    [InlineData("V11 Toobit.Net style mixed", "timestamp=1668481902307&recvWindow=5000", "symbol=BTCUSDT&side=SELL&type=LIMIT&quantity=1&price=400", "00be6fd37b6aba92a70e5b0a43e7a5ef84d1eb7fe296789e5535e0a6a1b14eef")]
    [InlineData("V12 futures order", "", "symbol=BTC-SWAP-USDT&side=BUY_OPEN&type=LIMIT&quantity=1&price=1234&priceType=INPUT&timeInForce=GTC&newClientOrderId=cid-0001&recvWindow=5000&timestamp=1668481902307", "48536b2eb7ed46bb07e10325c51e381c5c8a8dad11362359328c1a2f144c3e98")]
    [InlineData("V13 listen key keep-alive", "", "listenKey=1A9LWJjuMwKWYP4QQPw34GRm8gz3x5AephXSuqcDef1RnzoBVhEeGE963CoS1Sgj&recvWindow=5000&timestamp=1668481902307", "c1a17201df06681660d1b0ec7cea6a2223cf76e857fe890dcdd435379f955be7")]
    public void Reproduces_the_published_vectors(string vector, string query, string body, string expected) =>
        Assert.True(expected == Signer.Sign(query, body), vector);

    [Fact]
    public void A_post_carries_every_parameter_and_the_signature_last_in_the_body()
    {
        var (query, body) = Signer.SignedParts("POST", Pairs(("symbol", "BTC-SWAP-USDT"), ("side", "BUY_OPEN"), ("type", "LIMIT"), ("quantity", "1"), ("price", "1234"), ("priceType", "INPUT"), ("timeInForce", "GTC"), ("newClientOrderId", "cid-0001"), ("recvWindow", "5000"), ("timestamp", "1668481902307")));
        Assert.Equal(string.Empty, query);
        Assert.Equal("symbol=BTC-SWAP-USDT&side=BUY_OPEN&type=LIMIT&quantity=1&price=1234&priceType=INPUT&timeInForce=GTC&newClientOrderId=cid-0001&recvWindow=5000&timestamp=1668481902307&signature=48536b2eb7ed46bb07e10325c51e381c5c8a8dad11362359328c1a2f144c3e98", body);
    }

    [Fact]
    public void A_get_carries_the_signature_in_the_query_and_values_are_percent_encoded_as_sent()
    {
        var (query, body) = Signer.SignedParts("GET", Pairs(("orderId", "123"), ("recvWindow", "5000"), ("timestamp", "1668481902307")));
        Assert.Equal(("orderId=123&recvWindow=5000&timestamp=1668481902307&signature=21cf9380c69a11d9a5219bbc163414eb724edb9de901611b283c644c99d7eea0", string.Empty), (query, body));

        var (encoded, _) = Signer.SignedParts("GET", Pairs(("origClientOrderId", "a b/c"), ("timestamp", "1")));
        Assert.StartsWith("origClientOrderId=a%20b%2Fc&timestamp=1&signature=" + Signer.Sign("origClientOrderId=a%20b%2Fc&timestamp=1", string.Empty), encoded, StringComparison.Ordinal);
    }

    [Fact]
    public void The_secret_never_prints()
    {
        Assert.DoesNotContain(DocSecret, Signer.ToString(), StringComparison.Ordinal);
        Assert.Contains(DocKey, Signer.ToString(), StringComparison.Ordinal);
    }

    private static KeyValuePair<string, string>[] Pairs(params (string Name, string Value)[] pairs) => [.. pairs.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))];
}
