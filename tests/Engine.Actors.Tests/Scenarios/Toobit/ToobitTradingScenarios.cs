using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Scenarios.Toobit;

/// <summary>Spot and futures order flow through the whole actor tree: REST out, answers and stream events back.</summary>
public sealed class ToobitTradingScenarios : ToobitScenarioBase
{
    [Fact]
    public async Task Time_listen_key_stream_then_place_fill_cancel_and_cancel_all()
    {
        var ready = StartReady();
        Assert.Equal("user data stream open", ready.VenueText);
        Assert.Equal(100_000m, ExpectReconciledBalance("USDT").Balance.Total);

        await SetMid(50_000m);
        var buy = SubmitLimit("buy-1", OrderSide.Buy, 0.01m, 49_000m);
        var accepted = ExpectOrderEvent<OrderAccepted>(buy.ClientOrderId);
        Assert.True(long.Parse(accepted.VenueOrderId.Value, System.Globalization.CultureInfo.InvariantCulture) > 1L << 53);

        await SetMid(48_000m);
        var filled = ExpectOrderEvent<OrderFilled>(buy.ClientOrderId);
        Assert.Equal((49_000m, 0.01m, "USDT", Liquidity.Maker), (filled.Price, filled.Quantity, filled.FeeAsset, filled.Liquidity));
        Assert.Equal(0.098m, filled.Fee);

        var sell = SubmitAccepted("sell-1", OrderSide.Sell, 0.01m, 60_000m);
        Cancel(sell.ClientOrderId);
        Assert.Equal(0.01m, ExpectOrderEvent<OrderCanceled>(sell.ClientOrderId).Remaining);

        var a = SubmitAccepted("rest-a", OrderSide.Sell, 0.01m, 61_000m);
        var b = SubmitAccepted("rest-b", OrderSide.Sell, 0.01m, 62_000m);
        Strategy.Send(Connections, new CancelAllOrders(Login, UtcNow, Btc));
        ExpectOrderEvent<OrderCanceled>(a.ClientOrderId);
        ExpectOrderEvent<OrderCanceled>(b.ClientOrderId);
        Assert.Empty(OpenOrders().Orders);

        var btc = Assert.Single(Balances().Balances, x => x.Asset == "BTC");
        Assert.Equal((2.01m, 0m), (btc.Total, btc.Locked));
    }

    [Fact]
    public async Task A_refused_order_names_the_venue_code_and_a_market_buy_is_refused_locally()
    {
        StartReady();
        await SetMid(50_000m);
        var tooBig = SubmitLimit("too-big", OrderSide.Buy, 50m, 49_000m);
        var rejected = ExpectOrderEvent<OrderRejected>(tooBig.ClientOrderId);
        Assert.Contains("-1131", rejected.Reason, StringComparison.Ordinal);

        var market = new SubmitOrder(Login, new ClientOrderId("mkt-buy"), UtcNow, Btc, OrderSide.Buy, OrderType.Market, 0.01m, null);
        Submit(market);
        var refused = ExpectOrderEvent<OrderRejected>(market.ClientOrderId);
        Assert.Contains("quote amount", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Futures_open_close_and_flip_keep_the_position_equal_to_the_venue_s()
    {
        var positions = Subscribe(typeof(PositionChanged));
        StartReady(LoginOptions(Swap.Value));
        await SetMid(50_000m, Swap);

        Place("open-long", OrderSide.Buy, OffsetFlag.Open, 10m);
        Assert.Equal(10m, positions.FishForMessage<PositionChanged>(p => !p.IsReconciliation && p.Position.LongQuantity == 10m, Wait).Position.LongQuantity);
        Assert.Equal((10m, 0m), Position());

        Place("close-long", OrderSide.Sell, OffsetFlag.Close, 10m);
        positions.FishForMessage<PositionChanged>(p => !p.IsReconciliation && p.Position.LongQuantity == 0m, Wait);
        Assert.Equal((0m, 0m), Position());

        Place("open-long-2", OrderSide.Buy, OffsetFlag.Open, 4m);
        Place("flip-close", OrderSide.Sell, OffsetFlag.Close, 4m);
        Place("flip-open", OrderSide.Sell, OffsetFlag.Open, 6m);
        var flipped = positions.FishForMessage<PositionChanged>(p => !p.IsReconciliation && p.Position.ShortQuantity == 6m, Wait).Position;
        Assert.Equal((0m, 6m, -6m), (flipped.LongQuantity, flipped.ShortQuantity, flipped.NetQuantity));
        Assert.Equal((0m, 6m), Position());

        var noOffset = new SubmitOrder(Login, new ClientOrderId("no-offset"), UtcNow, Swap, OrderSide.Buy, OrderType.Market, 1m, null);
        Submit(noOffset);
        Assert.Contains("offset", ExpectOrderEvent<OrderRejected>(noOffset.ClientOrderId).Reason, StringComparison.Ordinal);
    }

    private void Place(string id, OrderSide side, OffsetFlag offset, decimal contracts)
    {
        var order = new SubmitOrder(Login, new ClientOrderId(id), UtcNow, Swap, side, OrderType.Market, contracts, null, Offset: offset);
        Submit(order);
        ExpectOrderEvent<OrderFilled>(order.ClientOrderId);
    }

    private (decimal Long, decimal Short) Position()
    {
        var reply = Ask<PositionReply>(new QueryPosition(Login, Swap, UtcNow));
        return (reply.Position.LongQuantity, reply.Position.ShortQuantity);
    }
}
