using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Engine.Actors.Venues;
using Engine.Actors.Venues.Binance;
using Engine.Messages.Identifiers;
using Engine.TestKit;

namespace Engine.Actors.Tests.Venues.Binance.Behavior;

public sealed class BinanceConnectionBehaviorTests
{
    private const string RateLimits = """[{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":6000,"count":7}]""";
    private readonly ManualTimeProvider _time = new(BinanceFixtures.At);

    [Theory]
    [InlineData(BinanceKeyType.Ed25519, new[] { "session.logon", "userDataStream.subscribe" })]
    [InlineData(BinanceKeyType.Hmac, new[] { "userDataStream.subscribe.signature" })]
    public void The_session_is_time_then_logon_for_ed25519_then_subscribe_then_ready(BinanceKeyType keyType, string[] steps)
    {
        var behavior = Create(keyType);
        var login = new ArrayBufferWriter<byte>();
        behavior.CreateHeartbeat(Now);
        behavior.WriteLogin("login-1", Now, login);
        Assert.Equal("time", Method(login.WrittenSpan));

        var step = behavior.Receive(Reply("login-1", $$"""{"serverTime":{{Ms(Now + TimeSpan.FromSeconds(3))}}}"""), "login-1", Now);
        Assert.Null(step.Forward);
        Assert.Equal(TimeSpan.FromSeconds(3), behavior.Venue.Clock.Offset);
        Assert.Contains(step.Signals, s => s is RateUsageReported { Window: "REQUEST_WEIGHT", Count: 7 });

        foreach (var method in steps)
        {
            var frame = Assert.Single(step.Signals.OfType<SendSessionFrame>());
            Assert.Equal(method, Method(frame.Frame.Span));
            Assert.DoesNotContain(step.Signals, s => s is SessionOpened);
            var result = method == "session.logon" ? """{"apiKey":"k","authorizedSince":1,"connectedSince":1,"returnRateLimits":true,"serverTime":1,"userDataStream":false}""" : """{"subscriptionId":4}""";
            step = behavior.Receive(Reply(Id(frame.Frame.Span), result), "login-1", Now);
        }

        Assert.IsType<SessionOpened>(step.Signals.First(s => s is not RateUsageReported));
        var ready = Assert.Single(step.Signals.OfType<VenueStateReported>());
        Assert.Equal(VenueReadiness.Ready, ready.Readiness);
        Assert.Equal(4, behavior.Venue.SubscriptionId);
        Assert.Equal(keyType == BinanceKeyType.Ed25519, behavior.Venue.IsLoggedOn);
    }

    [Fact]
    public void Event_stream_terminated_resubscribes_and_the_new_subscription_is_ready_again_without_a_new_session()
    {
        var behavior = Opened(out _);
        var step = behavior.Receive(Utf8("""{"subscriptionId":4,"event":{"e":"eventStreamTerminated","E":1}}"""), null, Now);
        Assert.Null(step.Forward);
        Assert.Null(behavior.Venue.SubscriptionId);
        var frame = Assert.Single(step.Signals.OfType<SendSessionFrame>());
        Assert.Equal("userDataStream.subscribe.signature", Method(frame.Frame.Span));

        step = behavior.Receive(Reply(Id(frame.Frame.Span), """{"subscriptionId":5}"""), null, Now);
        Assert.DoesNotContain(step.Signals, s => s is SessionOpened);
        Assert.Equal(VenueReadiness.Ready, Assert.Single(step.Signals.OfType<VenueStateReported>()).Readiness);
        Assert.Equal(5, behavior.Venue.SubscriptionId);
    }

    [Fact]
    public void Server_shutdown_and_the_session_lifetime_ask_for_a_reconnect_once()
    {
        var behavior = Opened(out var options);
        var shutdown = behavior.Receive(Utf8("""{"event":{"e":"serverShutdown","E":1}}"""), null, Now);
        Assert.Contains("serverShutdown", Assert.Single(shutdown.Signals.OfType<ReconnectRequested>()).Reason, StringComparison.Ordinal);

        var late = Now + options.SessionLifetime;
        var first = behavior.Receive(Reply("other-1", """{}"""), null, late);
        Assert.Contains("lifetime", Assert.Single(first.Signals.OfType<ReconnectRequested>()).Reason, StringComparison.Ordinal);
        Assert.NotNull(first.Forward);
        Assert.Empty(behavior.Receive(Reply("other-2", """{}"""), null, late).Signals.OfType<ReconnectRequested>());
    }

    [Fact]
    public void A_429_pauses_the_budget_and_the_heartbeat_until_retry_after()
    {
        var behavior = Opened(out _);
        var until = Now + TimeSpan.FromSeconds(40);
        var step = behavior.Receive(Error("order-1", 429, -1003, "Too many requests.", $$""","data":{"serverTime":{{Ms(Now)}},"retryAfter":{{Ms(until)}}}"""), null, Now);
        Assert.Equal(until, Assert.Single(step.Signals.OfType<SendingPaused>()).Until);
        Assert.Equal("order-1", step.Forward?.CorrelationKey);

        Assert.False(behavior.WritePing(until - TimeSpan.FromSeconds(1), new ArrayBufferWriter<byte>()));
        var ping = new ArrayBufferWriter<byte>();
        Assert.True(behavior.WritePing(until, ping));
        Assert.Equal("time", Method(ping.WrittenSpan));
    }

    [Fact]
    public void A_418_is_a_fatal_state_naming_the_ban_end()
    {
        var behavior = Opened(out _);
        var end = new DateTimeOffset(2026, 11, 21, 12, 2, 0, TimeSpan.Zero);
        var step = behavior.Receive(Error("order-2", 418, -1003, $"Way too much request weight used; IP banned until {Ms(end)}.", $$""","data":{"serverTime":{{Ms(Now)}},"retryAfter":{{Ms(end)}}}"""), null, Now);
        var fatal = Assert.Single(step.Signals.OfType<VenueStateReported>());
        Assert.Equal(VenueReadiness.Fatal, fatal.Readiness);
        Assert.Contains("until 2026-11-21T12:02:00.000Z", fatal.Event.VenueText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_1021_clears_the_clock_and_sends_a_time_request_whose_answer_sets_the_new_offset()
    {
        var behavior = Opened(out _);
        var step = behavior.Receive(Error("order-3", 400, -1021, "Timestamp for this request is outside of the recvWindow."), null, Now);
        var frame = Assert.Single(step.Signals.OfType<SendSessionFrame>());
        Assert.Equal("time", Method(frame.Frame.Span));
        Assert.NotNull(step.Forward);

        behavior.Receive(Reply(Id(frame.Frame.Span), $$"""{"serverTime":{{Ms(Now - TimeSpan.FromSeconds(2))}}}"""), null, Now);
        Assert.Equal(TimeSpan.FromSeconds(-2), behavior.Venue.Clock.Offset);
    }

    [Theory]
    [InlineData(400, -1022, true)]
    [InlineData(503, -1007, false)]
    public void A_refused_logon_is_fatal_only_for_a_bad_key(int status, int code, bool fatal)
    {
        var behavior = Create(BinanceKeyType.Ed25519);
        behavior.CreateHeartbeat(Now);
        behavior.WriteLogin("login-1", Now, new ArrayBufferWriter<byte>());
        var logon = Assert.Single(behavior.Receive(Reply("login-1", $$"""{"serverTime":{{Ms(Now)}}}"""), "login-1", Now).Signals.OfType<SendSessionFrame>());
        var step = behavior.Receive(Error(Id(logon.Frame.Span), status, code, "refused"), "login-1", Now);
        Assert.Equal(fatal, Assert.Single(step.Signals.OfType<SessionRefused>()).IsFatal);
    }

    [Fact]
    public void A_disconnect_forgets_the_logon_and_the_subscription()
    {
        var behavior = Opened(out _);
        behavior.OnDisconnected();
        Assert.False(behavior.Venue.IsLoggedOn);
        Assert.Null(behavior.Venue.SubscriptionId);
        Assert.Equal(
            ["openOrders.status", "account.status"],
            behavior.ReconcileQueries().Select(q => q is OpenOrdersVenueRequest ? "openOrders.status" : "account.status").ToArray());
    }

    [Fact]
    public void The_budget_keeps_weight_free_for_session_frames_and_orders_windows_as_configured()
    {
        var windows = Create(BinanceKeyType.Hmac).BudgetWindows.Select(w => w.ToString()).ToArray();
        Assert.Equal(["REQUEST_WEIGHT 5980/1min", "ORDERS 50/10s", "ORDERS 160000/1d"], windows);
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private BinanceConnectionBehavior Opened(out BinanceOptions options)
    {
        var behavior = Create(BinanceKeyType.Hmac);
        options = Options(BinanceKeyType.Hmac);
        behavior.CreateHeartbeat(Now);
        behavior.WriteLogin("login-1", Now, new ArrayBufferWriter<byte>());
        var subscribe = Assert.Single(behavior.Receive(Reply("login-1", $$"""{"serverTime":{{Ms(Now)}}}"""), "login-1", Now).Signals.OfType<SendSessionFrame>());
        var opened = behavior.Receive(Reply(Id(subscribe.Frame.Span), """{"subscriptionId":4}"""), "login-1", Now);
        Assert.Contains(opened.Signals, s => s is SessionOpened);
        return behavior;
    }

    private BinanceConnectionBehavior Create(BinanceKeyType keyType)
    {
        var options = Options(keyType);
        var signer = keyType == BinanceKeyType.Hmac
            ? BinanceSigner.Hmac(options.ApiKey, options.Secret!)
            : BinanceSigner.Ed25519FromText(options.ApiKey, BinanceFixtures.Rfc8032Pem).Value!;
        return new BinanceConnectionBehavior(new LoginId("bn-unit"), options, signer, _time);
    }

    private static BinanceOptions Options(BinanceKeyType keyType) => new()
    {
        Url = new Uri("ws://127.0.0.1:1/ws-api/v3"),
        ApiKey = keyType == BinanceKeyType.Hmac ? BinanceFixtures.DocApiKey : BinanceFixtures.Ed25519ApiKey,
        KeyType = keyType,
        Secret = keyType == BinanceKeyType.Hmac ? BinanceFixtures.DocSecret : null,
        PrivateKeyEnv = keyType == BinanceKeyType.Ed25519 ? "UNUSED" : null,
        Symbols = ImmutableArray.Create("BTCUSDT"),
    };

    private static byte[] Reply(string id, string result) =>
        Utf8($$"""{"id":"{{id}}","status":200,"result":{{result}},"rateLimits":{{RateLimits}}}""");

    private static byte[] Error(string id, int status, int code, string message, string data = "") =>
        Utf8($$"""{"id":"{{id}}","status":{{status}},"error":{"code":{{code}},"msg":"{{message}}"{{data}}},"rateLimits":{{RateLimits}}}""");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static string Method(ReadOnlySpan<byte> frame) => JsonDocument.Parse(frame.ToArray()).RootElement.GetProperty("method").GetString()!;

    private static string Id(ReadOnlySpan<byte> frame) => JsonDocument.Parse(frame.ToArray()).RootElement.GetProperty("id").GetString()!;
}
