using Engine.Actors.Venues.Binance;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using static Engine.Actors.Tests.Venues.Binance.BinanceFixtures;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Tests.Venues.Binance;

public class BinanceMapperEventTests
{
    private static readonly LoginId Login = new("bn-1");
    private static readonly ClientOrderId Cid = new("mm-000001");
    private static readonly VenueOrderId Vid = new("4293153");

    private static IOrderEvent Bind(string golden)
    {
        var update = BinanceMapper.ToOrderUpdate(Assert.IsType<W.ExecutionReport>(Golden(golden)), Login, At);
        Assert.NotNull(update);
        Assert.Equal(Vid, update.VenueOrderId);
        return update.Bind(Cid);
    }

    [Theory]
    [InlineData("in_execution_report_new", typeof(OrderAccepted))]
    [InlineData("in_execution_report_trade", typeof(OrderPartiallyFilled))]
    [InlineData("in_execution_report_filled", typeof(OrderFilled))]
    [InlineData("in_execution_report_canceled", typeof(OrderCanceled))]
    [InlineData("in_execution_report_expired", typeof(OrderExpired))]
    [InlineData("in_execution_report_expired_in_match", typeof(OrderExpired))]
    [InlineData("in_execution_report_rejected", typeof(OrderRejected))]
    public void Execution_report_becomes_its_order_event(string golden, Type expected)
    {
        var orderEvent = Bind(golden);

        Assert.IsType(expected, orderEvent);
        Assert.Equal((Login, Cid), (orderEvent.Login, orderEvent.ClientOrderId));
    }

    [Fact]
    public void Trade_uses_the_trade_id_as_fill_id_with_commission_and_maker_flag()
    {
        var fill = Assert.IsType<OrderPartiallyFilled>(Bind("in_execution_report_trade"));

        Assert.Equal(
            new OrderPartiallyFilled(Login, Cid, DateTimeOffset.FromUnixTimeMilliseconds(1499405658999), Vid, new FillId("1650422499"), 0.10264410m, 0.4m, 0.00004106m, "BNB", Liquidity.Maker),
            fill);
    }

    [Fact]
    public void Final_trade_completes_the_order_as_taker()
    {
        var fill = Assert.IsType<OrderFilled>(Bind("in_execution_report_filled"));

        Assert.Equal((new FillId("1650422500"), 0.6m, Liquidity.Taker, (decimal?)0.00006159m), (fill.FillId, fill.Quantity, fill.Liquidity, fill.Fee));
    }

    [Fact]
    public void Cancel_and_expiry_carry_the_remaining_quantity_and_rejection_its_reason()
    {
        Assert.Equal(0.6m, Assert.IsType<OrderCanceled>(Bind("in_execution_report_canceled")).Remaining);
        Assert.Equal(1m, Assert.IsType<OrderExpired>(Bind("in_execution_report_expired")).Remaining);
        Assert.Equal(1m, Assert.IsType<OrderAccepted>(Bind("in_execution_report_new")).Remaining);
        Assert.Contains("INSUFFICIENT_BALANCES", Assert.IsType<OrderRejected>(Bind("in_execution_report_rejected")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trade_without_a_trade_id_is_not_applied()
    {
        var report = Assert.IsType<W.ExecutionReport>(Golden("in_execution_report_trade")) with { TradeId = -1 };

        Assert.Null(BinanceMapper.ToOrderUpdate(report, Login, At));
    }

    [Fact]
    public void Full_placement_result_carries_its_fills_then_completes()
    {
        var result = BinanceCodec.ReadOrder(Response("in_order_place_full").Result!.Value).Value!;

        var events = BinanceMapper.ToPlacementUpdates(result, Login, At).Select(u => u.Bind(Cid)).ToList();

        Assert.Collection(
            events,
            e => Assert.Equal((new FillId("1650422481"), 0.00635m, Liquidity.Taker, "BNB"), Fill(Assert.IsType<OrderPartiallyFilled>(e))),
            e => Assert.Equal((new FillId("1650422482"), 0.00212m, Liquidity.Taker, "BNB"), Fill(Assert.IsType<OrderFilled>(e))));
    }

    [Fact]
    public void Ioc_placement_result_fills_then_expires_the_rest()
    {
        var result = BinanceCodec.ReadOrder(Response("in_order_place_expired").Result!.Value).Value!;

        var events = BinanceMapper.ToPlacementUpdates(result, Login, At).Select(u => u.Bind(Cid)).ToList();

        Assert.Collection(
            events,
            e => Assert.Equal(new FillId("1650422490"), Assert.IsType<OrderPartiallyFilled>(e).FillId),
            e => Assert.Equal(0.006m, Assert.IsType<OrderExpired>(e).Remaining));
    }

    [Fact]
    public void Resting_placement_result_has_no_updates()
    {
        var result = BinanceCodec.ReadOrder(Response("in_order_place_new").Result!.Value).Value!;

        Assert.Empty(BinanceMapper.ToPlacementUpdates(result, Login, At));
    }

    [Fact]
    public void Account_position_becomes_absolute_balances()
    {
        var events = BinanceMapper.ToBalanceEvents(Assert.IsType<W.OutboundAccountPosition>(Golden("in_outbound_account_position")), Login, At);

        Assert.Equal(
            [new Engine.Messages.Accounts.Balance("ETH", 10000m, 0m, 10000m), new Engine.Messages.Accounts.Balance("BTC", 0.4m, 1m, 1.4m)],
            events.Select(e => e.Balance));
        Assert.All(events, e => Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1564034571105), e.Timestamp));
    }

    private static (FillId, decimal, Liquidity, string?) Fill(OrderPartiallyFilled f) => (f.FillId, f.Quantity, f.Liquidity, f.FeeAsset);

    private static (FillId, decimal, Liquidity, string?) Fill(OrderFilled f) => (f.FillId, f.Quantity, f.Liquidity, f.FeeAsset);
}
