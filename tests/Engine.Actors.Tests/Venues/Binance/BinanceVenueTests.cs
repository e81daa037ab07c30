using System.Buffers;
using Engine.Actors.Budget;
using Engine.Actors.Venues;
using Engine.Actors.Venues.Binance;
using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.TestKit;
using static Engine.Actors.Tests.Venues.Binance.BinanceFixtures;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Tests.Venues.Binance;

public class BinanceVenueTests
{
    private static readonly LoginId Login = new("bn-1");
    private static readonly Symbol BtcUsdt = new("BTCUSDT");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1660801715431);

    private static readonly BinanceOptions HmacOptions = new()
    {
        ApiKey = DocApiKey, KeyType = BinanceKeyType.Hmac, Secret = DocSecret, Symbols = ["BTCUSDT"],
    };

    private static readonly BinanceOptions Ed25519Options = new()
    {
        ApiKey = Ed25519ApiKey, KeyType = BinanceKeyType.Ed25519, PrivateKeyEnv = "BINANCE_KEY", Symbols = ["BTCUSDT", "ETHUSDT"],
    };

    private static BinanceVenue HmacVenue(ManualTimeProvider? time = null) =>
        new(Login, HmacOptions, BinanceSigner.Hmac(DocApiKey, DocSecret), time ?? new ManualTimeProvider(Now));

    private static BinanceVenue Ed25519Venue(bool loggedOn) =>
        new(Login, Ed25519Options, BinanceSigner.Ed25519(Ed25519ApiKey, Convert.FromHexString(Rfc8032SeedHex)), new ManualTimeProvider(Now)) { IsLoggedOn = loggedOn };

    private static PlaceOrderVenueRequest Place(string cid = "mm-000001") =>
        new(new SubmitOrder(Login, new ClientOrderId(cid), Now, BtcUsdt, OrderSide.Sell, OrderType.Limit, 0.00847m, 23416.1m));

    private static (Mapped<string> Op, W.Request Frame) Encode(BinanceVenue venue, VenueRequest request, string id = "req-1")
    {
        var buffer = new ArrayBufferWriter<byte>();
        var op = venue.Encode(request, id, buffer);
        Assert.True(op.IsOk, op.Error);
        return (op, DecodeRequest(buffer.WrittenSpan));
    }

    [Fact]
    public void Hmac_order_carries_api_key_timestamp_recv_window_and_signature()
    {
        var (op, frame) = Encode(HmacVenue(), Place());

        Assert.Equal("order.place", op.Value);
        Assert.Equal(("req-1", "order.place"), (frame.Id, frame.Method));
        Assert.Equal("apiKey,symbol,side,type,timeInForce,price,quantity,newClientOrderId,newOrderRespType,timestamp,recvWindow,signature", string.Join(",", frame.Params.Select(p => p.Name)));
        Assert.Equal(("1660801715431", W.ParamKind.Number), (frame["timestamp"], frame.Params.Single(p => p.Name == "timestamp").Kind));
        Assert.Equal("5000", frame["recvWindow"]);
        Assert.Equal("d5381b0e11c270a7373c871be7dae2cae7d045ebb4ce54724c80a4f1ce6de307", frame["signature"]);
    }

    [Fact]
    public void Timestamps_follow_the_injected_clock_plus_the_server_offset()
    {
        var time = new ManualTimeProvider(Now);
        var venue = HmacVenue(time);
        venue.Clock.AddSample(Now, Now.AddMilliseconds(20), Now.ToUnixTimeMilliseconds() + 510);
        time.Advance(TimeSpan.FromSeconds(2));

        var (_, frame) = Encode(venue, new BalancesVenueRequest());

        Assert.Equal((Now.ToUnixTimeMilliseconds() + 2000 + 500).ToString(System.Globalization.CultureInfo.InvariantCulture), frame["timestamp"]);
        Assert.Equal(BinanceSigner.Hmac(DocApiKey, DocSecret).Sign(BinanceSigner.Payload(frame.Params)), frame["signature"]);
    }

    [Fact]
    public void Logged_on_ed25519_session_sends_only_timestamp_and_recv_window()
    {
        var (_, frame) = Encode(Ed25519Venue(loggedOn: true), Place());

        Assert.Null(frame["apiKey"]);
        Assert.Null(frame["signature"]);
        Assert.Equal("1660801715431", frame["timestamp"]);
        Assert.Equal("5000", frame["recvWindow"]);
    }

    [Fact]
    public void Ed25519_without_logon_signs_each_request()
    {
        var (_, frame) = Encode(Ed25519Venue(loggedOn: false), new OpenOrdersVenueRequest(BtcUsdt));

        Assert.Equal(Ed25519ApiKey, frame["apiKey"]);
        Assert.Equal(BinanceSigner.Ed25519(Ed25519ApiKey, Convert.FromHexString(Rfc8032SeedHex)).Sign(BinanceSigner.Payload(frame.Params)), frame["signature"]);
    }

    [Fact]
    public void Logon_is_ed25519_only_and_signed_even_when_logged_on()
    {
        var buffer = new ArrayBufferWriter<byte>();
        Assert.Equal("session.logon", Ed25519Venue(loggedOn: true).EncodeLogon("logon-1", buffer).Value);
        var logon = DecodeRequest(buffer.WrittenSpan);
        Assert.Equal("apiKey,timestamp,recvWindow,signature", string.Join(",", logon.Params.Select(p => p.Name)));
        Assert.Equal(
            BinanceSigner.Ed25519(Ed25519ApiKey, Convert.FromHexString(Rfc8032SeedHex)).Sign($"apiKey={Ed25519ApiKey}&recvWindow=5000&timestamp=1660801715431"),
            logon["signature"]);

        var refused = new ArrayBufferWriter<byte>();
        Assert.False(HmacVenue().EncodeLogon("logon-2", refused).IsOk);
        Assert.Equal(0, refused.WrittenCount);
    }

    [Fact]
    public void Subscribe_uses_the_session_when_logged_on_and_a_signature_otherwise()
    {
        var logged = new ArrayBufferWriter<byte>();
        Assert.Equal("userDataStream.subscribe", Ed25519Venue(loggedOn: true).EncodeSubscribe("s-1", logged));
        Assert.Equal("{\"id\":\"s-1\",\"method\":\"userDataStream.subscribe\"}", Text(logged));

        var signed = new ArrayBufferWriter<byte>();
        Assert.Equal("userDataStream.subscribe.signature", HmacVenue().EncodeSubscribe("s-2", signed));
        var frame = DecodeRequest(signed.WrittenSpan);
        Assert.Equal("apiKey,timestamp,recvWindow,signature", string.Join(",", frame.Params.Select(p => p.Name)));
        Assert.Equal(BinanceSigner.Hmac(DocApiKey, DocSecret).Sign(BinanceSigner.Payload(frame.Params)), frame["signature"]);
    }

    [Fact]
    public void Session_helpers_write_the_documented_frames()
    {
        static string Write(Action<ArrayBufferWriter<byte>> write)
        {
            var buffer = new ArrayBufferWriter<byte>();
            write(buffer);
            return Text(buffer);
        }

        Assert.Equal("{\"id\":\"t-1\",\"method\":\"time\"}", Write(b => BinanceVenue.EncodeTime("t-1", b)));
        Assert.Equal("{\"id\":\"p-1\",\"method\":\"ping\"}", Write(b => BinanceVenue.EncodePing("p-1", b)));
        Assert.Equal("{\"id\":\"st-1\",\"method\":\"session.status\"}", Write(b => BinanceVenue.EncodeSessionStatus("st-1", b)));
        Assert.Equal("{\"id\":\"u-1\",\"method\":\"userDataStream.unsubscribe\",\"params\":{\"subscriptionId\":0}}", Write(b => BinanceVenue.EncodeUnsubscribe("u-1", 0, b)));
        Assert.Equal("{\"id\":\"x-1\",\"method\":\"exchangeInfo\",\"params\":{\"symbols\":[\"BTCUSDT\",\"ETHUSDT\"]}}", Write(b => Ed25519Venue(true).EncodeExchangeInfo("x-1", b)));
        Assert.Equal("{\"id\":\"x-2\",\"method\":\"exchangeInfo\",\"params\":{\"symbol\":\"BTCUSDT\"}}", Write(b => HmacVenue().EncodeExchangeInfo("x-2", b)));
    }

    [Theory]
    [MemberData(nameof(Unsendable))]
    public void Requests_binance_cannot_take_write_nothing(VenueRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();

        Assert.False(HmacVenue().Encode(request, "r", buffer).IsOk);
        Assert.Equal(0, buffer.WrittenCount);
    }

    public static TheoryData<VenueRequest> Unsendable() =>
    [
        new CancelOrdersVenueRequest(BtcUsdt, [new VenueOrderId("1"), new VenueOrderId("2")]),
        new PositionVenueRequest(BtcUsdt),
        new PlaceOrderVenueRequest(new SubmitOrder(Login, new ClientOrderId("bad id"), Now, BtcUsdt, OrderSide.Buy, OrderType.Limit, 1m, 1m)),
    ];

    [Theory]
    [MemberData(nameof(Weights))]
    public void Weight_and_cost_follow_the_method(VenueRequest request, string method, int weight, bool isOrder)
    {
        var venue = HmacVenue();

        Assert.Equal(weight, venue.WeightOf(request));
        Assert.Equal(new RateCost(weight, isOrder), venue.CostOf(request));
        if (method.Length > 0)
        {
            Assert.Equal(method, Encode(venue, request).Op.Value);
        }
    }

    public static TheoryData<VenueRequest, string, int, bool> Weights() => new()
    {
        { Place(), "order.place", 1, true },
        { new BinancePlaceQuoteOrderRequest(new SubmitOrder(Login, new ClientOrderId("q-1"), Now, BtcUsdt, OrderSide.Buy, OrderType.Market, 1m, null), 50m), "order.place", 1, true },
        { new CancelOrdersVenueRequest(BtcUsdt, [new VenueOrderId("12569099453")]), "order.cancel", 1, false },
        { new CancelOrdersVenueRequest(BtcUsdt, []), "openOrders.cancelAll", 1, false },
        { new OpenOrdersVenueRequest(BtcUsdt), "openOrders.status", 6, false },
        { new BinanceOrderStatusRequest(BtcUsdt, new ClientOrderId("mm-1")), "order.status", 4, false },
        { new BalancesVenueRequest(), "account.status", 20, false },
        { new SymbolInfoVenueRequest(BtcUsdt), "exchangeInfo", 20, false },
    };

    [Fact]
    public void Response_is_correlated_by_id_and_mapped_against_its_request()
    {
        var venue = HmacVenue();

        var inbound = venue.Decode(GoldenFrames.Read(Venue, "in_order_place_full"), At);

        Assert.Equal("56374a46-3061-486b-a311-99ee972eb648", inbound.CorrelationKey);
        Assert.Equal(new OrderPlacedReply(new VenueOrderId("12569099453")), venue.MapReply(inbound, Place()));
        Assert.Equal(2, inbound.OrderUpdates.Length);
        Assert.All(inbound.OrderUpdates, u => Assert.Equal(new VenueOrderId("12569099453"), u.VenueOrderId));
    }

    [Fact]
    public void Non_placement_responses_carry_no_order_updates()
    {
        var venue = HmacVenue();

        Assert.Empty(venue.Decode(GoldenFrames.Read(Venue, "in_order_cancel"), At).OrderUpdates);
        Assert.Empty(venue.Decode(GoldenFrames.Read(Venue, "in_order_status"), At).OrderUpdates);
    }

    [Fact]
    public void Execution_reports_become_order_updates_routed_by_subscription()
    {
        var venue = HmacVenue();
        venue.SubscriptionId = 0;

        var mine = venue.Decode(GoldenFrames.Read(Venue, "in_execution_report_trade"), At);
        Assert.Equal("0", mine.Session);
        Assert.IsType<OrderPartiallyFilled>(Assert.Single(mine.OrderUpdates).Bind(new ClientOrderId("mm-1")));

        venue.SubscriptionId = 4;
        var other = venue.Decode(GoldenFrames.Read(Venue, "in_execution_report_trade"), At);
        Assert.Empty(other.OrderUpdates);
        Assert.Contains("subscription 0", other.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Account_position_becomes_balance_events_and_balance_update_nothing()
    {
        var venue = HmacVenue();

        var position = venue.Decode(GoldenFrames.Read(Venue, "in_outbound_account_position"), At);
        Assert.Equal(["ETH", "BTC"], position.Events.Cast<BalanceChanged>().Select(e => e.Balance.Asset));

        var update = venue.Decode(GoldenFrames.Read(Venue, "in_balance_update"), At);
        Assert.Empty(update.Events);
        Assert.Null(update.Problem);
    }

    [Theory]
    [InlineData("in_event_stream_terminated", BinanceSessionSignal.Resubscribe)]
    [InlineData("in_server_shutdown", BinanceSessionSignal.Reconnect)]
    [InlineData("in_session_revoked", BinanceSessionSignal.SessionRevoked)]
    [InlineData("in_execution_report_new", BinanceSessionSignal.None)]
    [InlineData("in_time", BinanceSessionSignal.None)]
    public void Session_events_signal_the_connection(string golden, BinanceSessionSignal signal)
    {
        Assert.Equal(signal, HmacVenue().DecodeDetailed(GoldenFrames.Read(Venue, golden), At).Signal);
    }

    [Fact]
    public void A_ban_stops_the_login_naming_its_end()
    {
        var decoded = HmacVenue().DecodeDetailed(GoldenFrames.Read(Venue, "in_banned"), At);

        var stopped = Assert.IsType<ConnectionStateChanged>(Assert.Single(decoded.Inbound.Events));
        Assert.Equal((ConnectionState.Stopped, true, (int?)418), (stopped.State, stopped.IsFatal, stopped.VenueCode));
        Assert.Contains("2022-07-30T02:00:00.000Z", stopped.VenueText, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1659146400000), decoded.Feedback.BannedUntil);
    }

    [Fact]
    public void Revoked_session_is_fatal_and_belongs_to_no_request()
    {
        var decoded = HmacVenue().DecodeDetailed(GoldenFrames.Read(Venue, "in_session_revoked"), At);

        Assert.Equal(string.Empty, decoded.Inbound.CorrelationKey);
        Assert.True(Assert.IsType<ConnectionStateChanged>(Assert.Single(decoded.Inbound.Events)).IsFatal);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("{\"event\":{\"e\":\"executionReport\"}}")]
    public void Unreadable_frames_are_problems(string json)
    {
        Assert.NotNull(HmacVenue().Decode(System.Text.Encoding.UTF8.GetBytes(json), At).Problem);
    }

    [Fact]
    public void A_non_binance_payload_is_unreadable()
    {
        Assert.IsType<UnreadableReply>(HmacVenue().MapReply(new VenueInbound { CorrelationKey = "x" }, Place()));
    }
}
