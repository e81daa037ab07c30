using Engine.Actors.Venues.Binance;
using static Engine.Actors.Tests.Venues.Binance.BinanceFixtures;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Tests.Venues.Binance;

public class BinanceSignerTests
{
    private const string K = DocApiKey;

    /// <summary>Every published HMAC vector of the reference §4.7 (H1, H2 and the eight method examples).</summary>
    public static TheoryData<string, string> HmacVectors() => new()
    {
        { $"apiKey={K}&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT&timeInForce=GTC&timestamp=1645423376532&type=LIMIT", "aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24" },
        { $"apiKey={K}&price=0.10000000&quantity=1.00000000&recvWindow=5000&side=BUY&symbol=\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16&timeInForce=GTC&timestamp=1645423376532&type=LIMIT", "b33892ae8e687c939f4468c6268ddd4c40ac1af18ad19a064864c47bae0752cd" },
        { $"apiKey={K}&timestamp=1649729878532", "1cf54395b336b0a9727ef27d5d98987962bc47aca6e13fe978612d0adee066ed" },
        { $"apiKey={K}&price=23416.10000000&quantity=0.00847000&side=SELL&symbol=BTCUSDT&timeInForce=GTC&timestamp=1660801715431&type=LIMIT", "15af09e41c36f3cc61378c2fbe2c33719a03dd5eba8d0f9206fbda44de717c88" },
        { $"apiKey={K}&origClientOrderId=4d96324ff9d44481926157&symbol=BTCUSDT&timestamp=1660801715830", "33d5b721f278ae17a52f004a82a6f68a70c68e7dd6776ed0be77a455ab855282" },
        { $"apiKey={K}&symbol=BTCUSDT&timestamp=1660805557200", "773f01b6e3c2c9e0c1d217bc043ce383c1ddd6f0e25f8d6070f2b66a6ceaf3a5" },
        { $"apiKey={K}&timestamp=1660801839480", "83303b4a136ac1371795f465808367242685a9e3a42b22edb4d977d0696eb45c" },
        { $"apiKey={K}&orderId=12569099453&symbol=BTCUSDT&timestamp=1660801720951", "2c3aab5a078ee4ea465ecd95523b77289f61476c2f238ec10c55ea6cb11a6f35" },
        { $"apiKey={K}&symbol=BTCUSDT&timestamp=1660813156812", "d632b3fdb8a81dd44f82c7c901833309dd714fe508772a89b0a35b0ee0c48b89" },
        { $"apiKey={K}&timestamp=1660801839500", "76289424d6e288f4dc47d167ac824e859dabf78736f4348abbbac848d719eb94" },
    };

    /// <summary>RFC 8032 TEST 1 key over the reference's Ed25519 payloads E1 and E2.</summary>
    public static TheoryData<string, string> Ed25519Vectors() => new()
    {
        { $"apiKey={Ed25519ApiKey}&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT&timeInForce=GTC&timestamp=1645423376532&type=LIMIT", "Ws+5m/CMnpkko0uBFxGTZ2+fjqqBXsUjRiaz173fPhXTkhoDBYNZ6wcYNeWItdrGn1pvG7vkwx2fhmJdAZ3KDQ==" },
        { $"apiKey={Ed25519ApiKey}&timestamp=1649729878532", "NBJq5sX1RkU7ta3XDctruMgnrhyBcouMvvPIxxQSCUbVWxhp3ai6W7a0Iip/3nOwmJxkVIv6n20cekYCOa5qAg==" },
    };

    public static TheoryData<string> Ed25519KeyTexts() =>
    [
        Rfc8032Pem,
        Rfc8032Pem.Replace("\n", "\r\n", StringComparison.Ordinal),
        Rfc8032PemBody,
        Convert.ToBase64String(Convert.FromHexString(Rfc8032SeedHex)),
        Rfc8032SeedHex,
    ];

    [Theory]
    [MemberData(nameof(HmacVectors))]
    public void Hmac_reproduces_the_published_vector(string payload, string expected)
    {
        Assert.Equal(expected, BinanceSigner.Hmac(K, DocSecret).Sign(payload));
    }

    [Theory]
    [MemberData(nameof(Ed25519Vectors))]
    public void Ed25519_reproduces_the_rfc8032_key_vector(string payload, string expected)
    {
        Assert.Equal(expected, BinanceSigner.Ed25519(Ed25519ApiKey, Convert.FromHexString(Rfc8032SeedHex)).Sign(payload));
    }

    [Theory]
    [MemberData(nameof(Ed25519KeyTexts))]
    public void Ed25519_key_loads_from_pem_der_seed_or_hex(string text)
    {
        var signer = BinanceSigner.Ed25519FromText(Ed25519ApiKey, text);

        Assert.True(signer.IsOk, signer.Error);
        Assert.Equal(BinanceKeyType.Ed25519, signer.Value!.KeyType);
        Assert.Equal(Convert.ToBase64String(Convert.FromHexString(Rfc8032PublicHex)), signer.Value.PublicKeyBase64);
        Assert.Equal(Ed25519Vectors().First()[1], signer.Value.Sign((string)Ed25519Vectors().First()[0]));
    }

    [Theory]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----")]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    public void Bad_key_text_is_an_error_that_does_not_quote_it(string text)
    {
        var signer = BinanceSigner.Ed25519FromText(Ed25519ApiKey, text);

        Assert.False(signer.IsOk);
        Assert.DoesNotContain(text, signer.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Payload_sorts_ordinally_drops_the_signature_and_keeps_raw_values()
    {
        W.Param[] parameters =
        [
            new("symbol", "\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16"), new("side", "BUY"), new("type", "LIMIT"), new("timeInForce", "GTC"),
            new("quantity", "1.00000000"), new("price", "0.10000000"), new("recvWindow", "5000", W.ParamKind.Number),
            new("timestamp", "1645423376532", W.ParamKind.Number), new("apiKey", K), new("signature", "ignored"),
        ];

        var payload = BinanceSigner.Payload(parameters);

        Assert.Equal((string)HmacVectors().ElementAt(1)[0], payload);
        Assert.Equal("b33892ae8e687c939f4468c6268ddd4c40ac1af18ad19a064864c47bae0752cd", BinanceSigner.Hmac(K, DocSecret).Sign(payload));
    }

    [Fact]
    public void Payload_puts_upper_case_names_before_lower_case_ones()
    {
        Assert.Equal("Z=1&a=2&recvWindow=3&recvwindow=4", BinanceSigner.Payload([new("recvwindow", "4"), new("a", "2"), new("Z", "1"), new("recvWindow", "3")]));
    }

    [Fact]
    public void Signers_never_print_their_keys()
    {
        var hmac = BinanceSigner.Hmac(K, DocSecret).ToString();
        var ed = BinanceSigner.Ed25519(Ed25519ApiKey, Convert.FromHexString(Rfc8032SeedHex)).ToString();

        Assert.DoesNotContain(DocSecret, hmac, StringComparison.Ordinal);
        Assert.Contains("***", hmac, StringComparison.Ordinal);
        Assert.DoesNotContain(Rfc8032SeedHex, ed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(Convert.FromHexString(Rfc8032SeedHex)), ed, StringComparison.Ordinal);
    }

    [Fact]
    public void Ed25519_seed_must_have_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => BinanceSigner.Ed25519(Ed25519ApiKey, new byte[31]));
    }
}
