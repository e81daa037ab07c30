using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using Engine.Actors.Venues;
using Engine.Actors.Venues.DBot;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Tests.Venues.DBot;

/// <summary>The session rules: key and protocol pings on the socket, 401 fatal, the subscription as the session's opening frame.</summary>
public class DBotConnectionBehaviorTests
{
    private static readonly LoginId Login = new("dbot-1");
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_socket_carries_the_key_and_sends_protocol_pings_every_30s()
    {
        using var socket = new DBotConnectionBehavior(Login, Options()).PrepareSocket(new ClientWebSocket());
        Assert.Equal(TimeSpan.FromSeconds(30), socket.Options.KeepAliveInterval);
        Assert.Equal(TimeSpan.FromSeconds(15), socket.Options.KeepAliveTimeout);
        Assert.True(socket.Options.CollectHttpResponseDetails);
        Assert.False(new DBotConnectionBehavior(Login, Options()).WritePing(Now, new ArrayBufferWriter<byte>()));
    }

    [Fact]
    public void A_401_status_on_the_upgrade_is_fatal_and_other_failures_are_retried()
    {
        var behavior = new DBotConnectionBehavior(Login, Options());
        var fatal = behavior.FatalConnectRefusal("connect to ws://127.0.0.1:1/trade/ws failed", HttpStatusCode.Unauthorized);
        Assert.Contains("HTTP 401", fatal, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key", fatal, StringComparison.Ordinal);
        Assert.Null(behavior.FatalConnectRefusal("connect to ws://127.0.0.1:1/trade/ws failed: Connection refused", null));
        Assert.Null(behavior.FatalConnectRefusal("connect failed", HttpStatusCode.ServiceUnavailable));

        // The status decides, not the wording of .NET's exception text.
        Assert.Null(behavior.FatalConnectRefusal("The server returned status code '401' when status code '101' was expected.", null));
    }

    [Fact]
    public void The_session_opens_with_the_subscription_and_is_ready_on_its_acknowledgement()
    {
        IVenueConnectionBehavior behavior = new DBotConnectionBehavior(Login, Options() with { TradeTypeFilter = ["follow_buy_success"] });
        var output = new ArrayBufferWriter<byte>();
        behavior.WriteLogin("login-key", Now, output);
        Assert.Equal("""{"method":"subscribeTradeResults","tradeTypeFilter":["follow_buy_success"]}""", Encoding.UTF8.GetString(output.WrittenSpan));

        var step = behavior.Receive("""{"method":"subscribeResponse","result":{"message":"Connected and subscribed"}}"""u8, "login-key", Now);
        Assert.IsType<SessionOpened>(step.Signals[0]);
        var ready = Assert.IsType<VenueStateReported>(step.Signals[1]);
        Assert.Equal((VenueReadiness.Ready, ConnectionState.Ready), (ready.Readiness, ready.Event.State));
        Assert.Null(step.Forward);
    }

    [Fact]
    public void A_refused_subscription_stops_the_login_with_the_way_out()
    {
        var step = ((IVenueConnectionBehavior)new DBotConnectionBehavior(Login, Options())).Receive("""{"method":"subscribeResponse","result":{"message":"plan does not allow it"}}"""u8, "k", Now);
        var refused = Assert.IsType<SessionRefused>(Assert.Single(step.Signals));
        Assert.True(refused.IsFatal);
        Assert.Contains("subscribe-trade-results = false", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_subscription_a_one_item_list_opens_the_session()
    {
        IVenueConnectionBehavior behavior = new DBotConnectionBehavior(Login, Options() with { SubscribeTradeResults = false });
        var output = new ArrayBufferWriter<byte>();
        behavior.WriteLogin("login-key", Now, output);
        Assert.Equal("""{"id":1,"method":"listFollowOrders","params":{"page":0,"size":1}}""", Encoding.UTF8.GetString(output.WrittenSpan));
        var step = behavior.Receive("""{"method":"rpcResponse","id":1,"result":{"err":false,"res":[]}}"""u8, "login-key", Now);
        Assert.IsType<VenueStateReported>(step.Signals[1]);
    }

    [Fact]
    public void A_drain_says_what_is_true_for_a_task_login_not_that_orders_were_cancelled()
    {
        var text = ((IVenueConnectionBehavior)new DBotConnectionBehavior(Login, Options())).DrainCancelledText;
        Assert.StartsWith("no exchange orders to cancel", text, StringComparison.Ordinal);
        Assert.DoesNotContain("working orders cancelled", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_name_every_bad_key_and_never_print_the_api_key()
    {
        var options = Options() with { Url = new Uri("https://x"), Tier = 3, PingInterval = TimeSpan.FromMinutes(2), ApiKey = " " };
        var errors = options.Validate();
        Assert.Contains(errors, e => e.StartsWith("url:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("tier:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("ping-interval:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("api-key:", StringComparison.Ordinal));
        Assert.Contains("ApiKey = ***", Options().ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key", Options().ToString(), StringComparison.Ordinal);
    }

    private static Engine.Actors.Venues.DBot.DBotOptions Options() => new() { ApiKey = "secret-key", Url = new Uri("ws://127.0.0.1:1/trade/ws") };
}
