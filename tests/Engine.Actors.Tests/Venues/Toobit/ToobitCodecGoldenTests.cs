using System.Text.Json;
using Engine.Actors.Connections.Http;
using Engine.Actors.Venues;
using Engine.Actors.Venues.Toobit;
using Engine.Messages.Accounts;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Venues.Toobit;

/// <summary>Every decoder against golden frames (clean JSON in the reference's shapes): ids as strings and as numbers above 2^53, mixed types.</summary>
public class ToobitCodecGoldenTests
{
    private static readonly LoginId Login = new("tb-1");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1668481909999);

    [Fact]
    public void A_new_report_with_string_ids_is_an_acceptance_naming_our_client_id()
    {
        var inbound = Stream("in_execution_report_new");
        var update = Assert.Single(inbound.OrderUpdates);
        Assert.Equal(("2037173542953448448", "cid-0001"), (update.VenueOrderId.Value, update.ClientOrderId?.Value));
        var accepted = Assert.IsType<OrderAccepted>(update.Bind(new ClientOrderId("cid-0001")));
        Assert.Equal((0.01m, DateTimeOffset.FromUnixTimeMilliseconds(1668481902307)), (accepted.Remaining, accepted.Timestamp));
    }

    [Fact]
    public void Reports_with_numeric_ids_above_2_pow_53_give_exact_ids_and_one_fill_id_per_fill()
    {
        var inbound = Stream("in_execution_report_numbers");
        Assert.Equal(2, inbound.OrderUpdates.Length);
        Assert.All(inbound.OrderUpdates, u => Assert.Equal("2037173542953448449", u.VenueOrderId.Value));
        var partial = Assert.IsType<OrderPartiallyFilled>(inbound.OrderUpdates[0].Bind(new ClientOrderId("cid-0001")));
        var filled = Assert.IsType<OrderFilled>(inbound.OrderUpdates[1].Bind(new ClientOrderId("cid-0001")));
        Assert.Equal((0.004m, 49000m, 0.0392m, "USDT", Liquidity.Maker), (partial.Quantity, partial.Price, partial.Fee, partial.FeeAsset, partial.Liquidity));
        Assert.Equal((0.006m, 48999.5m, Liquidity.Taker), (filled.Quantity, filled.Price, filled.Liquidity));
        Assert.Equal(("2037173542953448449:0.004", "2037173542953448449:0.01"), (partial.FillId.Value, filled.FillId.Value));
        Assert.Null(inbound.Problem);
    }

    [Fact]
    public void A_canceled_report_carries_the_remaining_quantity_and_a_contract_fill_is_a_fill()
    {
        var canceled = Assert.IsType<OrderCanceled>(Assert.Single(Stream("in_execution_report_canceled").OrderUpdates).Bind(new ClientOrderId("cid-0002")));
        Assert.Equal(0.4m, canceled.Remaining);
        var fill = Assert.IsType<OrderFilled>(Assert.Single(Stream("in_contract_execution_report").OrderUpdates).Bind(new ClientOrderId("fut-1")));
        Assert.Equal((10m, 50005.1m, 0.25m), (fill.Quantity, fill.Price, fill.Fee));
    }

    [Fact]
    public void Account_and_position_events_become_balances_and_a_two_leg_position()
    {
        var balances = Stream("in_account_info").Events.OfType<BalanceChanged>().ToList();
        Assert.Equal(["USDT:99509.902:0", "BTC:2.01:0"], balances.Select(b => $"{b.Balance.Asset}:{b.Balance.Free}:{b.Balance.Locked}"));
        var position = Assert.Single(Stream("in_contract_position_info").Events.OfType<PositionChanged>()).Position;
        Assert.Equal((new Symbol("BTC-SWAP-USDT"), 10m, 10m, 50005.1m, 0m, 5m), (position.Symbol, position.LongQuantity, position.LongAvailable, position.LongAveragePrice, position.ShortQuantity, position.Leverage));
    }

    [Fact]
    public void Replies_map_to_placements_orders_balances_positions_and_rules()
    {
        var btc = new Symbol("BTCUSDT");
        var order = new SubmitOrder(Login, new ClientOrderId("cid-0003"), Now, new Symbol("ETHUSDT"), OrderSide.Sell, OrderType.Market, 1m, null);
        Assert.Equal("2037173542953448448", Assert.IsType<OrderPlacedReply>(Map("in_spot_order_created", new PlaceOrderVenueRequest(order))).VenueOrderId.Value);

        var status = Assert.IsType<ToobitOrderStatusReply>(Map("in_spot_order_query", new ToobitOrderStatusRequest(btc, new ClientOrderId("cid-0001"))));
        Assert.Equal(("2037173542953448449", OrderStatus.PartiallyFilled, 0.006m, 49000m), (status.Order!.VenueOrderId.Value, status.Order.Status, status.Order.Remaining, status.Order.Price));

        var futures = Assert.IsType<ToobitOrderStatusReply>(Map("in_futures_order", new ToobitOrderStatusRequest(new Symbol("BTC-SWAP-USDT"), new ClientOrderId("fut-1")))).Order!;
        Assert.Equal((OrderSide.Buy, OrderType.Market, TimeInForce.Ioc, OrderStatus.Accepted), (futures.Side, futures.Type, futures.TimeInForce, futures.Status));

        var balances = Assert.IsType<BalancesListedReply>(Map("in_account", new BalancesVenueRequest())).Balances;
        Assert.Equal(new Balance("USDT", 99600m, 400m, 100000m), balances[0]);

        var position = Assert.IsType<PositionListedReply>(Map("in_positions", new PositionVenueRequest(new Symbol("BTC-SWAP-USDT")))).Position;
        Assert.Equal((0m, 6m, 50100m, 0.6m), (position.LongQuantity, position.ShortQuantity, position.ShortAveragePrice, position.UnrealisedPnl));

        var spotRules = Assert.IsType<SymbolRulesListedReply>(Map("in_exchange_info", new SymbolInfoVenueRequest(btc))).Rules;
        Assert.Equal((0.01m, 0.00001m, 0.00001m, 100000m, 5m, "USDT"), (spotRules.PriceTick, spotRules.SizeTick, spotRules.MinQuantity, spotRules.MaxQuantity, spotRules.MinNotional, spotRules.QuoteAsset));
        var swapRules = Assert.IsType<SymbolRulesListedReply>(Map("in_exchange_info", new SymbolInfoVenueRequest(new Symbol("BTC-SWAP-USDT")))).Rules;
        Assert.Equal((0.1m, 1m, (decimal?)null, "USDT"), (swapRules.PriceTick, swapRules.SizeTick, swapRules.MinNotional, swapRules.SettlementAsset));

        var limits = ToobitCodec.ReadRateLimits(Json("in_exchange_info"));
        Assert.Equal([("REQUEST_WEIGHT", TimeSpan.FromMinutes(1), 3000), ("ORDERS", TimeSpan.FromSeconds(60), 60)], limits.Select(l => (l.Type, l.Window, l.Limit)));
        Assert.Equal(["ORDERS 60/1min", "REQUEST_WEIGHT 3000/1min"], ToobitMapper.ToWindows(limits).Select(w => w.ToString()));
        Assert.Equal([Engine.Actors.Budget.RateUnit.Orders, Engine.Actors.Budget.RateUnit.Weight], ToobitMapper.ToWindows(limits).Select(w => w.Unit));
    }

    [Fact]
    public void Error_bodies_refuse_and_bulk_results_name_failed_ids()
    {
        var order = new SubmitOrder(Login, new ClientOrderId("x"), Now, new Symbol("BTCUSDT"), OrderSide.Buy, OrderType.Limit, 1m, 1m);
        var refused = Assert.IsType<RequestRefusedReply>(ToobitMapper.ToReply(new ToobitHttpReply(400, null, Json("in_error_insufficient"), null), new PlaceOrderVenueRequest(order)));
        Assert.Equal("Toobit -1131: Balance insufficient.", refused.Reason);

        var ids = new CancelOrdersVenueRequest(new Symbol("BTC-SWAP-USDT"), [new VenueOrderId("41"), new VenueOrderId("42")]);
        var results = Assert.IsType<CancelResultsReply>(ToobitMapper.ToReply(new ToobitHttpReply(200, null, Json("in_cancel_by_ids_futures"), null), ids)).Results;
        Assert.Equal([("41", true), ("42", false)], results.Select(r => (r.VenueOrderId.Value, r.Accepted)));
    }

    private static VenueInbound Stream(string name)
    {
        var venue = new ToobitVenue(Login, new ToobitOptions { ApiKey = "k", Secret = "s" }, new ToobitSigner("k", "s"), TimeProvider.System);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        HttpTransportFrame.WriteStream(HttpTransportFrame.StreamText, GoldenFrames.Read("Toobit", name), buffer);
        return venue.Decode(buffer.WrittenSpan, Now);
    }

    private static VenueReply Map(string name, VenueRequest request) => ToobitMapper.ToReply(new ToobitHttpReply(200, null, Json(name), null), request);

    private static JsonElement Json(string name) => JsonDocument.Parse(GoldenFrames.Read("Toobit", name)).RootElement.Clone();
}
