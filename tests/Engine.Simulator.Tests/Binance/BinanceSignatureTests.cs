using System.Text.Json;
using Engine.Simulator.Venues.Binance;

namespace Engine.Simulator.Tests.Binance;

/// <summary>Reference §4.7 vectors: the docs' HMAC examples and RFC 8032 TEST 1 Ed25519 vectors.</summary>
public class BinanceSignatureTests
{
    private const string Key = BinanceTestClient.HmacKey;
    private const string Secret = BinanceTestClient.HmacSecret;
    private const string EdKey = BinanceTestClient.Ed25519Key;
    private const string EdPublic = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    [Theory]
    [InlineData("apiKey=" + Key + "&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT&timeInForce=GTC&timestamp=1645423376532&type=LIMIT", "aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24")]
    [InlineData("apiKey=" + Key + "&price=0.10000000&quantity=1.00000000&recvWindow=5000&side=BUY&symbol=１２３４５６&timeInForce=GTC&timestamp=1645423376532&type=LIMIT", "b33892ae8e687c939f4468c6268ddd4c40ac1af18ad19a064864c47bae0752cd")]
    [InlineData("apiKey=" + Key + "&timestamp=1649729878532", "1cf54395b336b0a9727ef27d5d98987962bc47aca6e13fe978612d0adee066ed")]
    [InlineData("apiKey=" + Key + "&price=23416.10000000&quantity=0.00847000&side=SELL&symbol=BTCUSDT&timeInForce=GTC&timestamp=1660801715431&type=LIMIT", "15af09e41c36f3cc61378c2fbe2c33719a03dd5eba8d0f9206fbda44de717c88")]
    [InlineData("apiKey=" + Key + "&origClientOrderId=4d96324ff9d44481926157&symbol=BTCUSDT&timestamp=1660801715830", "33d5b721f278ae17a52f004a82a6f68a70c68e7dd6776ed0be77a455ab855282")]
    [InlineData("apiKey=" + Key + "&symbol=BTCUSDT&timestamp=1660805557200", "773f01b6e3c2c9e0c1d217bc043ce383c1ddd6f0e25f8d6070f2b66a6ceaf3a5")]
    [InlineData("apiKey=" + Key + "&timestamp=1660801839480", "83303b4a136ac1371795f465808367242685a9e3a42b22edb4d977d0696eb45c")]
    [InlineData("apiKey=" + Key + "&orderId=12569099453&symbol=BTCUSDT&timestamp=1660801720951", "2c3aab5a078ee4ea465ecd95523b77289f61476c2f238ec10c55ea6cb11a6f35")]
    [InlineData("apiKey=" + Key + "&symbol=BTCUSDT&timestamp=1660813156812", "d632b3fdb8a81dd44f82c7c901833309dd714fe508772a89b0a35b0ee0c48b89")]
    [InlineData("apiKey=" + Key + "&timestamp=1660801839500", "76289424d6e288f4dc47d167ac824e859dabf78736f4348abbbac848d719eb94")]
    public void Published_hmac_vectors_reproduce_and_verify_case_insensitively(string payload, string signature)
    {
        Assert.Equal(signature, BinanceSignature.Hmac(Secret, payload));
        Assert.True(BinanceSignature.VerifyHmac(Secret, payload, signature));
        Assert.True(BinanceSignature.VerifyHmac(Secret, payload, signature.ToUpperInvariant()));
        Assert.False(BinanceSignature.VerifyHmac(Secret, payload + "&x=1", signature));
        Assert.False(BinanceSignature.VerifyHmac(Secret, payload, "0" + signature[1..]));
    }

    [Theory]
    [InlineData("apiKey=" + EdKey + "&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT&timeInForce=GTC&timestamp=1645423376532&type=LIMIT", "Ws+5m/CMnpkko0uBFxGTZ2+fjqqBXsUjRiaz173fPhXTkhoDBYNZ6wcYNeWItdrGn1pvG7vkwx2fhmJdAZ3KDQ==")]
    [InlineData("apiKey=" + EdKey + "&timestamp=1649729878532", "NBJq5sX1RkU7ta3XDctruMgnrhyBcouMvvPIxxQSCUbVWxhp3ai6W7a0Iip/3nOwmJxkVIv6n20cekYCOa5qAg==")]
    public void Rfc8032_ed25519_vectors_reproduce_verify_and_reject_tampering(string payload, string signature)
    {
        var publicKey = BinanceSignature.ParsePublicKey(EdPublic)!;
        Assert.Equal(signature, BinanceSignature.SignEd25519(BinanceTestClient.Ed25519Seed, payload));
        Assert.True(BinanceSignature.VerifyEd25519(publicKey, payload, signature));
        Assert.False(BinanceSignature.VerifyEd25519(publicKey, payload.Replace("timestamp=1", "timestamp=2", StringComparison.Ordinal), signature));
        var bytes = Convert.FromBase64String(signature);
        bytes[10] ^= 1;
        Assert.False(BinanceSignature.VerifyEd25519(publicKey, payload, Convert.ToBase64String(bytes)));
        Assert.False(BinanceSignature.VerifyEd25519(publicKey, payload, "not base64!"));
    }

    [Theory]
    [InlineData(EdPublic)]
    [InlineData("11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----")]
    public void Public_keys_parse_from_hex_base64_and_pem(string text) =>
        Assert.Equal(EdPublic, Convert.ToHexStringLower(BinanceSignature.ParsePublicKey(text)!));

    [Fact]
    public void Payload_is_ordinal_sorted_raw_and_excludes_the_signature()
    {
        using var doc = JsonDocument.Parse("""{"symbol":"１２３４５６","timestamp":1645423376532,"signature":"x","apiKey":"k","recvWindow":100.5,"Zeta":true,"newClientOrderId":"a:b/c"}""");
        Assert.Equal("Zeta=true&apiKey=k&newClientOrderId=a:b/c&recvWindow=100.5&symbol=１２３４５６&timestamp=1645423376532", BinanceSignature.Payload(doc.RootElement));
        Assert.Equal("Zeta=true&apiKey=k&newClientOrderId=a%3Ab%2Fc&recvWindow=100.5&symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&timestamp=1645423376532", BinanceSignature.Payload(doc.RootElement, percentEncode: true));
    }

    [Theory]
    [InlineData("AZaz09-_.!~*'()", "AZaz09-_.!~*'()")]
    [InlineData("a b+c&d=e", "a%20b%2Bc%26d%3De")]
    [InlineData("é", "%C3%A9")]
    public void EncodeUriComponent_matches_javascript(string value, string expected) =>
        Assert.Equal(expected, BinanceSignature.EncodeUriComponent(value));
}
