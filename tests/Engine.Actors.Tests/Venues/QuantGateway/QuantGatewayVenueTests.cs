using System.Buffers;
using System.Text.Json;
using Engine.Actors.Orders;
using Engine.Actors.Venues;
using Engine.Actors.Venues.QuantGateway;
using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using static Engine.Actors.Tests.Venues.QuantGateway.QuantGatewayMapperTests;

namespace Engine.Actors.Tests.Venues.QuantGateway;

public class QuantGatewayVenueTests
{
    private const string Token = "05307d90-5d5c-5be0-8494-b072eec21c0c";
    private static readonly LoginId Alice = new("alice");
    private static readonly DateTimeOffset At = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static QuantGatewayVenue Venue(string platform = "huobi") =>
        new(Alice, Options(platform, "ETH/USDT", "BTC/USDT", "BTC200925")) { Token = Token };

    private static VenueInbound DecodeGolden(QuantGatewayVenue venue, string name) =>
        venue.Decode(GoldenFrames.Read("QuantGateway", name), At);

    private static void AssertSameJson(string golden, ArrayBufferWriter<byte> written)
    {
        using var expected = JsonDocument.Parse(GoldenFrames.Read("QuantGateway", golden));
        using var actual = JsonDocument.Parse(written.WrittenMemory);
        Assert.Null(GoldenFrames.Difference(expected.RootElement, actual.RootElement));
    }

    private static SubmitOrder Order(string symbol, OrderSide side, decimal qty, decimal price, OffsetFlag offset = OffsetFlag.None) =>
        new(Alice, new ClientOrderId("c-1"), At, new Symbol(symbol), side, OrderType.Limit, qty, price, TimeInForce.Gtc, offset);

    [Fact]
    public void Place_order_encodes_to_the_golden_frame()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var op = Venue().Encode(new PlaceOrderVenueRequest(Order("ETH/USDT", OrderSide.Buy, 2.0m, 230.5m)), "alice-1a2b3c4d-2", buffer);
        Assert.Equal("place_order", op.Value);
        AssertSameJson("out_place_order", buffer);
    }

    [Fact]
    public void Futures_open_short_encodes_a_negative_quantity()
    {
        var buffer = new ArrayBufferWriter<byte>();
        Venue("huobi_future").Encode(new PlaceOrderVenueRequest(Order("BTC200925", OrderSide.Sell, 3m, 9200.0m, OffsetFlag.Open)), "alice-1a2b3c4d-3", buffer);
        AssertSameJson("out_place_order_future_open_short", buffer);
    }

    [Fact]
    public void Single_cancel_is_padded_and_queries_encode_to_their_golden_frames()
    {
        var venue = Venue("huobi_future");
        var cases = new (VenueRequest Request, string Cid, string Golden)[]
        {
            (new CancelOrdersVenueRequest(new Symbol("ETH/USDT"), [new VenueOrderId("20200625001")]), "alice-1a2b3c4d-4", "out_cancel_order"),
            (new CancelOrdersVenueRequest(new Symbol("ETH/USDT"), []), "alice-1a2b3c4d-10", "out_cancel_order_all"),
            (new OpenOrdersVenueRequest(new Symbol("ETH/USDT")), "alice-1a2b3c4d-5", "out_open_orders"),
            (new BalancesVenueRequest(), "alice-1a2b3c4d-6", "out_asset"),
            (new PositionVenueRequest(new Symbol("BTC200925")), "alice-1a2b3c4d-7", "out_position"),
            (new SymbolInfoVenueRequest(new Symbol("ETH/USDT")), "alice-1a2b3c4d-8", "out_symbol_info"),
        };

        foreach (var (request, cid, golden) in cases)
        {
            var buffer = new ArrayBufferWriter<byte>();
            Assert.True(venue.Encode(request, cid, buffer).IsOk);
            AssertSameJson(golden, buffer);
        }
    }

    [Fact]
    public void Session_frames_encode_to_their_golden_frames()
    {
        var login = new ArrayBufferWriter<byte>();
        new QuantGatewayVenue(Alice, Options("huobi", "BTC/USDT", "ETH/USDT")).EncodeLogin("alice-1a2b3c4d-1", login);
        AssertSameJson("out_login", login);

        var logout = new ArrayBufferWriter<byte>();
        Venue().EncodeLogout("alice-1a2b3c4d-9", logout);
        AssertSameJson("out_logout", logout);

        var ping = new ArrayBufferWriter<byte>();
        QuantGatewayVenue.EncodePing(DateTimeOffset.FromUnixTimeMilliseconds(1600000000000), ping);
        AssertSameJson("out_ping", ping);
    }

    [Theory]
    [InlineData(null, "huobi", "not logged in")]
    [InlineData(Token, "huobi", "position is not sent on huobi")]
    public void Requests_the_gateway_would_not_answer_are_refused_and_nothing_is_written(string? token, string platform, string error)
    {
        var venue = Venue(platform);
        venue.Token = token;
        var buffer = new ArrayBufferWriter<byte>();
        var result = venue.Encode(new PositionVenueRequest(new Symbol("BTC/USDT")), "c", buffer);
        Assert.Contains(error, result.Error, StringComparison.Ordinal);
        Assert.Equal(0, buffer.WrittenCount);
    }

    [Fact]
    public void Replies_are_keyed_by_cid_and_mapped_with_their_request()
    {
        var venue = Venue();
        var placed = DecodeGolden(venue, "in_place_order_reply");
        Assert.Equal("c-7", placed.CorrelationKey);
        var place = new PlaceOrderVenueRequest(Order("ETH/USDT", OrderSide.Buy, 2m, 230.5m));
        Assert.Equal(new OrderPlacedReply(new VenueOrderId("20200625001")), venue.MapReply(placed, place));

        var refused = venue.MapReply(DecodeGolden(venue, "in_place_order_reply_failed"), place);
        Assert.Contains("order-value-min-error", Assert.IsType<RequestRefusedReply>(refused).Reason, StringComparison.Ordinal);

        var open = venue.MapReply(DecodeGolden(venue, "in_open_orders_reply"), new OpenOrdersVenueRequest(new Symbol("ETH/USDT")));
        var orders = Assert.IsType<OpenOrdersListedReply>(open).Orders;
        Assert.Equal([OrderStatus.PartiallyFilled, OrderStatus.Accepted], orders.Select(o => o.Status));
        Assert.Equal(12m, orders[0].FilledQuantity);

        var rules = Assert.IsType<SymbolRulesListedReply>(venue.MapReply(DecodeGolden(venue, "in_symbol_info_reply"), new SymbolInfoVenueRequest(new Symbol("ETH/USDT")))).Rules;
        Assert.Equal((0.01m, 0.00000001m, (decimal?)0.0001m, (decimal?)5m, "ETH"), (rules.PriceTick, rules.SizeTick, rules.MinQuantity, rules.MinNotional, rules.BaseAsset));

        var position = Assert.IsType<PositionListedReply>(venue.MapReply(DecodeGolden(venue, "in_position_reply"), new PositionVenueRequest(new Symbol("BTC200925")))).Position;
        Assert.Equal((new Symbol("BTC200925"), 3m, 9100.5m, (decimal?)10m), (position.Symbol, position.LongQuantity, position.LongAveragePrice, position.Leverage));

        var balances = Assert.IsType<BalancesListedReply>(venue.MapReply(DecodeGolden(venue, "in_asset_reply"), new BalancesVenueRequest())).Balances;
        Assert.Equal(new Balance("BTC", 0.5m, 0.25m, 0.75m), balances[0]);

        Assert.Equal("Invalid token", Assert.IsType<RequestRefusedReply>(venue.MapReply(DecodeGolden(venue, "in_invalid_token_reply"), new BalancesVenueRequest())).Reason);
    }

    [Fact]
    public void Pushes_become_order_updates_and_events()
    {
        var venue = Venue();
        var order = DecodeGolden(venue, "in_notify_order");
        Assert.Equal(Token, order.Session);
        var update = Assert.Single(order.OrderUpdates);
        var reported = Assert.IsType<OrderStatusReported>(update.Bind(new ClientOrderId("c-1")));
        Assert.Equal((OrderStatus.PartiallyFilled, 2.0m, 1.5m, DateTimeOffset.FromUnixTimeMilliseconds(1593072005000)),
            (reported.Status, reported.Quantity, reported.Remaining, reported.Timestamp));

        var fill = Assert.IsType<OrderPartiallyFilled>(Assert.Single(DecodeGolden(venue, "in_notify_fill").OrderUpdates).Bind(new ClientOrderId("c-1")));
        Assert.Equal((new FillId("88001"), 0.5m, 230.5m, Liquidity.Maker, (decimal?)null), (fill.FillId, fill.Quantity, fill.Price, fill.Liquidity, fill.Fee));

        var balance = Assert.IsType<BalanceChanged>(DecodeGolden(venue, "in_notify_asset").Events[0]);
        Assert.Equal(new Balance("USDT", 995.5m, null, null), balance.Balance);

        var position = Assert.IsType<PositionChanged>(Assert.Single(DecodeGolden(venue, "in_notify_position").Events));
        Assert.Equal((new Symbol("BTC200925"), 2m), (position.Position.Symbol, position.Position.NetQuantity));

        var fatal = Assert.IsType<ConnectionStateChanged>(Assert.Single(DecodeGolden(venue, "in_state_fatal").Events));
        Assert.Equal((ConnectionState.Stopped, true, "platform not found"), (fatal.State, fatal.IsFatal, fatal.VenueText));

        Assert.True(DecodeGolden(venue, "in_pong").IsHeartbeat);
        Assert.Contains("'ts'", DecodeGolden(venue, "in_error").Problem, StringComparison.Ordinal);
        Assert.NotNull(venue.Decode("garbage"u8, At).Problem);
    }

    [Fact]
    public void Spot_futures_asset_notifications_keep_locked_and_total()
    {
        var balance = Assert.IsType<BalanceChanged>(DecodeGolden(Venue("ftx"), "in_notify_asset").Events[0]);
        Assert.Equal(0m, balance.Balance.Locked);
    }

    [Fact]
    public void Notifications_before_the_place_reply_are_attached_by_the_book_once_the_reply_arrives()
    {
        var venue = Venue();
        var book = new OrderBook(Alice);
        var cid = new ClientOrderId("c-1");
        var submit = Order("ETH/USDT", OrderSide.Buy, 2.0m, 230.5m);
        book.Apply(OrderSubmitted.From(submit));

        // huobi_future / ftx order: the push comes first, then the reply.
        foreach (var name in new[] { "in_notify_order", "in_notify_fill", "in_notify_fill" })
        {
            foreach (var u in DecodeGolden(venue, name).OrderUpdates)
            {
                Assert.Empty(book.BindOrHold(u));
            }
        }

        var reply = venue.MapReply(DecodeGolden(venue, "in_place_order_reply"), new PlaceOrderVenueRequest(submit));
        var placed = Assert.IsType<OrderPlacedReply>(reply);
        Assert.True(book.Apply(new OrderAccepted(Alice, cid, At, placed.VenueOrderId)).ShouldPersist);

        var outcomes = book.TakeHeld(placed.VenueOrderId, cid).Select(e => book.Apply(e)).ToList();
        Assert.Equal([true, true, false], outcomes.Select(o => o.ShouldPersist));

        var state = book.Find(cid)!;
        Assert.Equal((OrderStatus.PartiallyFilled, 0.5m, 0.5m), (state.Status, state.FilledQuantity, state.VenueFilledQuantity));
    }
}
