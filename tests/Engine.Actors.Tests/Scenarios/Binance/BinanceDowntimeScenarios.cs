using Engine.Actors.Orders;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Scenarios.Binance;

/// <summary>
/// A fill while the engine is down, on Binance, which answers <c>order.status</c>: the order missing from the open
/// orders after the restart is asked about, never guessed, and never judged on the balance.
/// </summary>
public sealed class BinanceDowntimeScenarios : BinanceScenarioBase
{
    [Fact]
    public async Task A_resting_buy_that_filled_while_the_engine_was_down_is_asked_about_and_closed_as_Filled_not_Canceled()
    {
        var resolved = Subscribe(typeof(OrderReconciled), typeof(OrderVanished), typeof(OrderFillInferred));
        await StartReadyAtMid(50_000m);
        var buy = SubmitAccepted("downtime-1", OrderSide.Buy, 0.01m, 49_000m);

        StopEngine();
        await SetMid(48_000m);
        while (States.HasMessages)
        {
            States.ReceiveOne(TimeSpan.Zero);
        }

        StartEngine();
        AdvanceUntilState(ConnectionState.Ready, TimeSpan.FromMilliseconds(500));

        var answer = resolved.FishForMessage<IOrderEvent>(e => e.ClientOrderId == buy.ClientOrderId, Wait);
        var status = Assert.IsType<OrderReconciled>(answer);
        Assert.Equal((OrderStatus.Filled, 0.01m), (status.Status, status.FilledQuantity));
        var journal = await AttributionScenario.JournalAsync(Sys, OrderJournal.PersistenceIdOf(Login));
        Assert.DoesNotContain(journal, e => e.Event is OrderReconciled { Status: OrderStatus.Canceled } or OrderVanished or OrderFillInferred);
    }
}
