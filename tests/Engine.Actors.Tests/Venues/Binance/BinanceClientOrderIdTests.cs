using Engine.Actors.Orders.Protocol;
using Engine.Actors.Venues;
using Engine.Actors.Venues.Binance;
using Engine.Messages.Identifiers;
using static Engine.Actors.Tests.Venues.Binance.BinanceFixtures;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Tests.Venues.Binance;

/// <summary>Execution reports name our client order id, so an order whose place reply was lost can still be bound.</summary>
public class BinanceClientOrderIdTests
{
    private static readonly LoginId Login = new("bn-1");

    [Theory]
    [InlineData("in_execution_report_new")]
    [InlineData("in_execution_report_trade")]
    [InlineData("in_execution_report_filled")]
    [InlineData("in_execution_report_canceled")]
    public void Execution_report_names_the_placing_client_order_id_not_the_cancels_own(string golden)
    {
        var update = BinanceMapper.ToOrderUpdate(Assert.IsType<W.ExecutionReport>(Golden(golden)), Login, At);

        Assert.NotNull(update);
        Assert.Equal(new ClientOrderId("mUvoqJxFIILMdfAW5iGSOW"), update.ClientOrderId);
    }

    [Fact]
    public void An_execution_report_with_no_client_order_id_names_none()
    {
        var report = Assert.IsType<W.ExecutionReport>(Golden("in_execution_report_new")) with { ClientOrderId = string.Empty };

        Assert.Null(BinanceMapper.ToOrderUpdate(report, Login, At)!.ClientOrderId);
    }

    [Fact]
    public void Unknown_orders_are_queried_by_client_order_id()
    {
        var options = new BinanceOptions
        {
            Url = new Uri("ws://127.0.0.1:1/ws-api/v3"),
            ApiKey = DocApiKey,
            KeyType = BinanceKeyType.Hmac,
            Secret = DocSecret,
            Symbols = ["BTCUSDT"],
        };
        var behavior = BinanceConnectionBehavior.Create("bn-1", options, TimeProvider.System);
        var order = new OrderToResolve(new Symbol("BTCUSDT"), new ClientOrderId("mm-1"), null);

        Assert.True(((IVenueConnectionBehavior)behavior).CanQueryOrderStatus);
        Assert.Equal(new BinanceOrderStatusRequest(new Symbol("BTCUSDT"), new ClientOrderId("mm-1")), behavior.OrderStatusQuery(order));
    }
}
