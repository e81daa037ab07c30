using Engine.Actors.Orders;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using static Engine.Actors.Tests.Orders.OrderFixtures;

namespace Engine.Actors.Tests.Orders;

/// <summary>Contradictory venue reports are rejected for their order and journaled as protocol violations.</summary>
public class ReportCheckTests
{
    private static OrderBook Book(decimal quantity = 10m)
    {
        var book = new OrderBook(Login);
        book.Apply(Submitted(quantity));
        book.Apply(Accepted());
        return book;
    }

    private static VenueOrderUpdate Update(Func<ClientOrderId, IOrderEvent> bind, ReportTerms? terms = null) =>
        new(Vid, T0.AddSeconds(5), bind, Terms: terms) { RawFrame = "{\"op\":\"notify\"}"u8.ToArray() };

    public static TheoryData<string, Func<ClientOrderId, IOrderEvent>, ReportTerms?, string> Contradictions => new()
    {
        {
            "a fill whose side contradicts its order",
            cid => new OrderPartiallyFilled(Login, cid, T0, Vid, new FillId("t-1"), 100m, 1m),
            new ReportTerms(Btc, OrderSide.Sell, null, null, null),
            "the report is for a Sell order but order c-1 is a Buy order"
        },
        {
            "FILLED with remain -1",
            cid => new OrderStatusReported(Login, cid, T0, Vid, OrderStatus.Filled, 10m, -1m),
            null,
            "the report gives -1 remaining on an order for 10"
        },
        {
            "quantity 500 remain 1 on a 10 order",
            cid => new OrderStatusReported(Login, cid, T0, Vid, OrderStatus.PartiallyFilled, 500m, 1m),
            new ReportTerms(Btc, OrderSide.Buy, OrderType.Limit, 100m, 500m),
            "the report gives the order quantity 500 but order c-1 was placed for 10"
        },
        {
            "an overfill",
            cid => new OrderPartiallyFilled(Login, cid, T0, Vid, new FillId("t-1"), 100m, 11m),
            null,
            "would fill 11 of an order for 10 (an overfill)"
        },
        {
            "a buy fill above its limit",
            cid => new OrderPartiallyFilled(Login, cid, T0, Vid, new FillId("t-1"), 100.5m, 1m),
            null,
            "fill t-1 at 100.5 is beyond the Buy limit price 100"
        },
        {
            "FILLED with quantity left",
            cid => new OrderStatusReported(Login, cid, T0, Vid, OrderStatus.Filled, 10m, 3m),
            null,
            "the report says FILLED with 3 remaining"
        },
    };

    [Theory]
    [MemberData(nameof(Contradictions))]
    public void A_contradiction_becomes_a_protocol_violation_with_the_raw_frame_and_changes_nothing(
        string name, Func<ClientOrderId, IOrderEvent> bind, ReportTerms? terms, string reason)
    {
        var book = Book();

        var violation = Assert.IsType<VenueProtocolViolation>(Assert.Single(book.BindOrHold(Update(bind, terms))));
        Assert.True(book.Apply(violation).ShouldPersist, name);

        Assert.Contains(reason, violation.Reason, StringComparison.Ordinal);
        Assert.Equal(("c-1", "{\"op\":\"notify\"}", Vid), (violation.ClientOrderId.Value, violation.RawFrame, violation.VenueOrderId));
        var order = book.Find(Cid)!;
        Assert.Equal((OrderStatus.Accepted, 0m), (order.Status, order.FilledQuantity));
    }

    [Fact]
    public void A_consistent_report_passes_and_a_sell_fill_at_or_above_the_limit_is_fine()
    {
        var book = new OrderBook(Login);
        book.Apply(new OrderSubmitted(Login, Cid, T0, Btc, OrderSide.Sell, OrderType.Limit, 10m, 100m));
        book.Apply(Accepted());

        var fill = Assert.Single(book.BindOrHold(Update(
            cid => new OrderPartiallyFilled(Login, cid, T0, Vid, new FillId("t-1"), 100.5m, 1m), new ReportTerms(Btc, OrderSide.Sell, null, null, null))));

        Assert.IsType<OrderPartiallyFilled>(fill);
        Assert.Null(ReportCheck.Contradiction(book.Find(Cid)!, new OrderStatusReported(Login, Cid, T0, Vid, OrderStatus.PartiallyFilled, 10m, 9m), null));
    }

    [Fact]
    public void A_stale_repeat_of_an_older_cumulative_state_is_not_a_contradiction()
    {
        var book = Book();
        book.Apply(Fill("t-1", 4m));
        book.Apply(Report(OrderStatus.PartiallyFilled, 6m));
        book.Apply(Fill("t-2", 6m));

        Assert.Null(ReportCheck.Contradiction(book.Find(Cid)!, Report(OrderStatus.PartiallyFilled, 6m), null));
    }
}
