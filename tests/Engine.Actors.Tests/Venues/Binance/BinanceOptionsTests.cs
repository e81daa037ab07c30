using Engine.Actors.Venues.Binance;
using static Engine.Actors.Tests.Venues.Binance.BinanceFixtures;

namespace Engine.Actors.Tests.Venues.Binance;

public class BinanceOptionsTests
{
    private static readonly BinanceOptions Valid = new() { ApiKey = Ed25519ApiKey, PrivateKeyEnv = "BINANCE_ED25519_KEY", Symbols = ["BTCUSDT"] };

    public static TheoryData<string, BinanceOptions> Invalid() => new()
    {
        { "url", Valid with { Url = new Uri("https://ws-api.binance.com/ws-api/v3") } },
        { "api-key", Valid with { ApiKey = " " } },
        { "secret", Valid with { KeyType = BinanceKeyType.Hmac, PrivateKeyEnv = null } },
        { "private-key-path / private-key-env", Valid with { PrivateKeyEnv = null } },
        { "private-key-path / private-key-env", Valid with { PrivateKeyPath = "/keys/ed.pem" } },
        { "recv-window", Valid with { RecvWindow = 60_001 } },
        { "recv-window", Valid with { RecvWindow = 0 } },
        { "request-timeout", Valid with { RequestTimeout = TimeSpan.Zero } },
        { "session-lifetime", Valid with { SessionLifetime = TimeSpan.FromHours(24) } },
        { "time-resync-interval", Valid with { TimeResyncInterval = TimeSpan.Zero } },
        { "orders-per-ten-seconds", Valid with { OrdersPerTenSeconds = 0 } },
        { "weights.order.status", Valid with { Weights = new Dictionary<string, int> { ["order.status"] = 0 } } },
        { "symbols", Valid with { Symbols = ["BTCUSDT", ""] } },
    };

    [Fact]
    public void Binds_from_kebab_case_hocon()
    {
        var config = Engine.Config.HoconConfig.Parse("""
            binance {
              url = "ws://127.0.0.1:9001/ws-api/v3"
              api-key = abc
              key-type = hmac
              secret = ${?TEST_BINANCE_SECRET}
              recv-window = 10000
              request-timeout = 3s
              symbols = [BTCUSDT, ETHUSDT]
              request-weight-per-minute = 1200
              orders-per-ten-seconds = 10
              orders-per-day = 1000
              weights { "order.status" = 8 }
              session-lifetime = 1h
              time-resync-interval = 1 minute
              time-samples = 3
            }
            """).Resolve(name => name == "TEST_BINANCE_SECRET" ? "s3cr3t" : null);

        var options = config.Bind<BinanceOptions>("binance");

        Assert.Empty(options.Validate());
        Assert.Equal(
            (new Uri("ws://127.0.0.1:9001/ws-api/v3"), "abc", BinanceKeyType.Hmac, "s3cr3t", 10000, TimeSpan.FromSeconds(3)),
            (options.Url, options.ApiKey, options.KeyType, options.Secret, options.RecvWindow, options.RequestTimeout));
        Assert.Equal(["BTCUSDT", "ETHUSDT"], options.Symbols.AsEnumerable());
        Assert.Equal((1200, 10, 1000, 8), (options.RequestWeightPerMinute, options.OrdersPerTenSeconds, options.OrdersPerDay, options.WeightOf("order.status")));
        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), 3), (options.SessionLifetime, options.TimeResyncInterval, options.TimeSamples));
    }

    [Fact]
    public void Out_of_range_recv_window_fails_binding_without_printing_the_secret()
    {
        var config = Engine.Config.HoconConfig.Parse("""
            binance { api-key = abc, key-type = hmac, secret = "hidden-value", recv-window = 70000 }
            """).Resolve(_ => null);

        var error = Assert.Throws<Engine.Config.ConfigException>(() => config.Bind<BinanceOptions>("binance"));

        Assert.Contains("recv-window", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_follow_the_reference()
    {
        Assert.Empty(Valid.Validate());
        Assert.Equal(new Uri("wss://ws-api.binance.com:443/ws-api/v3"), Valid.Url);
        Assert.Equal(5000, Valid.RecvWindow);
        Assert.True(Valid.SessionLifetime < TimeSpan.FromHours(24));
        Assert.Equal(["REQUEST_WEIGHT 6000/1min", "ORDERS 50/10s", "ORDERS 160000/1d"], Valid.BudgetWindows.Select(w => w.ToString()));
    }

    [Theory]
    [InlineData("order.place", 1)]
    [InlineData("order.status", 4)]
    [InlineData("openOrders.status", 6)]
    [InlineData("account.status", 20)]
    [InlineData("exchangeInfo", 20)]
    [InlineData("session.logon", 2)]
    [InlineData("userDataStream.subscribe.signature", 2)]
    [InlineData("time", 1)]
    public void Weights_are_the_documented_ones(string method, int weight)
    {
        Assert.Equal(weight, Valid.WeightOf(method));
    }

    [Fact]
    public void Weight_overrides_win()
    {
        Assert.Equal(9, (Valid with { Weights = new Dictionary<string, int> { ["order.status"] = 9 } }).WeightOf("order.status"));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validation_names_the_bad_key(string key, BinanceOptions options)
    {
        var errors = options.Validate().ToList();

        Assert.Contains(errors, e => e.StartsWith(key + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_and_errors_never_print_the_secret()
    {
        var options = Valid with { KeyType = BinanceKeyType.Hmac, Secret = DocSecret, PrivateKeyEnv = null, RecvWindow = 0 };

        Assert.DoesNotContain(DocSecret, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("Secret = ***", options.ToString(), StringComparison.Ordinal);
        Assert.All(options.Validate(), e => Assert.DoesNotContain(DocSecret, e, StringComparison.Ordinal));
        Assert.True(typeof(BinanceOptions).GetProperty(nameof(BinanceOptions.Secret))!.IsDefined(typeof(Engine.Config.SecretAttribute), false));
    }

    [Fact]
    public void Hmac_signer_comes_from_the_secret()
    {
        var signer = (Valid with { ApiKey = DocApiKey, KeyType = BinanceKeyType.Hmac, Secret = DocSecret }).CreateSigner(_ => null, _ => throw new IOException());

        Assert.Equal("83303b4a136ac1371795f465808367242685a9e3a42b22edb4d977d0696eb45c", signer.Value!.Sign($"apiKey={DocApiKey}&timestamp=1660801839480"));
    }

    [Fact]
    public void Ed25519_signer_comes_from_the_env_var_or_the_file()
    {
        var fromEnv = Valid.CreateSigner(name => name == "BINANCE_ED25519_KEY" ? Rfc8032Pem : null, _ => throw new IOException());
        var fromFile = (Valid with { PrivateKeyEnv = null, PrivateKeyPath = "/keys/ed.pem" }).CreateSigner(_ => null, path => path == "/keys/ed.pem" ? Rfc8032Pem : "");

        Assert.Equal(BinanceKeyType.Ed25519, fromEnv.Value!.KeyType);
        Assert.Equal(fromEnv.Value.PublicKeyBase64, fromFile.Value!.PublicKeyBase64);
    }

    [Fact]
    public void Missing_or_unreadable_keys_are_errors_naming_the_source_not_the_content()
    {
        var unset = Valid.CreateSigner(_ => null, _ => "");
        var unreadable = (Valid with { PrivateKeyEnv = null, PrivateKeyPath = "/keys/ed.pem" }).CreateSigner(_ => null, _ => throw new FileNotFoundException("gone"));
        var garbage = Valid.CreateSigner(_ => "secret-garbage-value", _ => "");

        Assert.Contains("BINANCE_ED25519_KEY", unset.Error, StringComparison.Ordinal);
        Assert.Contains("/keys/ed.pem", unreadable.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-garbage-value", garbage.Error, StringComparison.Ordinal);
        Assert.False(garbage.IsOk);
    }
}
