using System.Buffers;
using System.Text;
using Engine.Actors.Venues;
using Engine.Actors.Venues.QuantGateway;
using Engine.Messages.Accounts;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Tests.Connections;

public class QuantGatewayConnectionBehaviorTests
{
    private const string Token = "05307d90-5d5c-5be0-8494-b072eec21c0c";
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    private static QuantGatewayConnectionBehavior Behavior(string platform = "huobi") => new(new LoginId("qg-1"), new QuantGatewayOptions
    {
        Platform = platform,
        Symbols = platform == "huobi" ? ["BTC/USDT", "ETH/USDT"] : ["BTC200925"],
        AccessKey = "k",
        SecretKey = "s",
        StateBufferTime = TimeSpan.FromSeconds(2),
    });

    private static SessionStep Feed(QuantGatewayConnectionBehavior behavior, string json, string? loginKey = "L1", DateTimeOffset? at = null)
    {
        var now = at ?? T0;
        return behavior.Interpret(behavior.Codec.Decode(Encoding.UTF8.GetBytes(json), now), loginKey, now);
    }

    private static string State(int code, string token = Token) => $$"""{"op": "state", "token": "{{token}}", "code": {{code}}, "msg": "m{{code}}"}""";

    private static string LoginReply(bool ok, string cid = "L1") => ok
        ? $$"""{"op": "login", "cid": "{{cid}}", "result": true, "error_message": "", "token": "{{Token}}"}"""
        : $$"""{"op": "login", "cid": "{{cid}}", "result": false, "error_message": "Do not log in repeat", "token": ""}""";

    [Theory]
    [InlineData(6, VenueReadiness.Ready)]
    [InlineData(1, VenueReadiness.Fatal)]
    [InlineData(2, VenueReadiness.NotReady)]
    [InlineData(3, VenueReadiness.NotReady)]
    [InlineData(4, VenueReadiness.NotReady)]
    [InlineData(5, VenueReadiness.NotReady)]
    [InlineData(7, VenueReadiness.NotReady)]
    public void State_codes_of_the_session_become_readiness_signals_with_the_venue_code_and_text(int code, VenueReadiness readiness)
    {
        var behavior = Behavior();
        Assert.IsType<SessionOpened>(Assert.Single(Feed(behavior, LoginReply(ok: true)).Signals));

        var step = Feed(behavior, State(code));

        Assert.Null(step.Forward);
        var reported = Assert.IsType<VenueStateReported>(Assert.Single(step.Signals));
        Assert.Equal(readiness, reported.Readiness);
        Assert.Equal(code, reported.Event.VenueCode);
        Assert.Equal($"m{code}", reported.Event.VenueText);
    }

    [Fact]
    public void States_before_the_login_reply_are_held_and_applied_in_order_after_the_session_opens()
    {
        var behavior = Behavior();
        Assert.Equal(SessionStep.Consumed, Feed(behavior, State(2)));
        Assert.Equal(SessionStep.Consumed, Feed(behavior, State(1)));

        var step = Feed(behavior, LoginReply(ok: true), at: T0.AddSeconds(1));

        Assert.Collection(
            step.Signals,
            s => Assert.Equal(new SessionOpened(Token), s),
            s => Assert.Equal(VenueReadiness.NotReady, Assert.IsType<VenueStateReported>(s).Readiness),
            s => Assert.Equal(VenueReadiness.Fatal, Assert.IsType<VenueStateReported>(s).Readiness));
        Assert.Equal(Token, behavior.Token);
    }

    [Fact]
    public void Held_states_expire_after_the_buffer_time()
    {
        var behavior = Behavior();
        Feed(behavior, State(1, token: "someone-else"));
        Assert.Equal(0, behavior.ExpireHeld(T0.AddSeconds(1)));
        Assert.Equal(1, behavior.ExpireHeld(T0.AddSeconds(2)));
        Assert.Equal(new SessionSignal[] { new SessionOpened(Token) }, Feed(behavior, LoginReply(ok: true)).Signals.ToArray());
    }

    [Theory]
    [InlineData("Do not log in repeat", false)]
    [InlineData("platform not found", true)]
    public void A_refused_login_is_fatal_unless_the_account_is_merely_logged_in_elsewhere(string error, bool fatal)
    {
        var behavior = Behavior();
        var step = Feed(behavior, $$"""{"op": "login", "cid": "L1", "result": false, "error_message": "{{error}}", "token": ""}""");
        Assert.Equal(new SessionSignal[] { new SessionRefused(error, fatal) }, step.Signals.ToArray());
        Assert.Null(behavior.Token);
    }

    [Fact]
    public void Pushes_of_other_tokens_are_dropped_and_replies_pass_through_for_correlation()
    {
        var behavior = Behavior();
        Feed(behavior, LoginReply(ok: true));

        var foreign = Feed(behavior, """{"op": "notify", "topic": "asset", "token": "other", "data": {"BTC": {"free": 1.0, "locked": 0.0, "total": 1.0}}}""");
        Assert.Equal(SessionStep.Consumed, foreign);

        var mine = Feed(behavior, """{"op": "notify", "topic": "asset", "token": "TOKEN", "data": {"BTC": {"free": 1.0, "locked": 0.0, "total": 1.0}}}""".Replace("TOKEN", Token, StringComparison.Ordinal));
        Assert.IsType<BalanceChanged>(Assert.Single(mine.Forward!.Events));

        var reply = Feed(behavior, """{"op": "asset", "cid": "c-9", "result": false, "error_message": "Invalid token"}""");
        Assert.Equal("c-9", reply.Forward!.CorrelationKey);
        Assert.Empty(reply.Signals);
    }

    [Fact]
    public void A_login_reply_with_another_key_is_not_this_session()
    {
        var behavior = Behavior();
        var step = Feed(behavior, LoginReply(ok: true, cid: "stale"));
        Assert.Empty(step.Signals);
        Assert.Null(behavior.Token);
    }

    [Fact]
    public void Readiness_reads_the_rules_and_reconciliation_covers_orders_balances_and_futures_positions()
    {
        var spot = Behavior();
        Assert.Equal(
            new VenueRequest[] { new SymbolInfoVenueRequest(new Symbol("BTC/USDT")), new SymbolInfoVenueRequest(new Symbol("ETH/USDT")) },
            spot.ReadinessQueries().ToArray());
        Assert.Equal(
            new VenueRequest[] { new OpenOrdersVenueRequest(new Symbol("BTC/USDT")), new OpenOrdersVenueRequest(new Symbol("ETH/USDT")), new BalancesVenueRequest() },
            spot.ReconcileQueries().ToArray());

        var futures = Behavior("huobi_future");
        Assert.Contains(new PositionVenueRequest(new Symbol("BTC200925")), futures.ReconcileQueries());
    }

    [Fact]
    public void Ping_always_carries_ts_and_logout_needs_a_session()
    {
        var behavior = Behavior();
        var ping = new ArrayBufferWriter<byte>();
        Assert.True(behavior.WritePing(T0, ping));
        Assert.Contains($"\"ts\"", Encoding.UTF8.GetString(ping.WrittenSpan), StringComparison.Ordinal);

        var logout = new ArrayBufferWriter<byte>();
        Assert.False(behavior.WriteLogout("c-1", logout));
        Assert.Equal(0, logout.WrittenCount);
        Feed(behavior, LoginReply(ok: true));
        Assert.True(behavior.WriteLogout("c-2", logout));
        Assert.Contains(Token, Encoding.UTF8.GetString(logout.WrittenSpan), StringComparison.Ordinal);

        behavior.OnDisconnected();
        Assert.Null(behavior.Token);
    }
}
