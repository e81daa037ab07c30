using Engine.Actors.Orders;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Orders;

public class OrderLifecycleTests
{
    // Rows: statuses in enum order. Columns: event kinds in enum order
    // (Submitted, Accepted, Rejected, PartiallyFilled, Filled, CancelRequested, CancelRejected, Canceled, Expired, StatusUnknown).
    // A status name = applied and moves there; "-" = ignored (duplicate or stale); "X" = invalid.
    private static readonly string[][] Expected =
    [
        /* PendingSubmit   */ ["Submitted", "X", "Rejected", "X", "X", "X", "X", "X", "X", "X"],
        /* Submitted       */ ["X", "Accepted", "Rejected", "PartiallyFilled", "Filled", "PendingCancel", "-", "Canceled", "Expired", "Unknown"],
        /* Accepted        */ ["X", "-", "X", "PartiallyFilled", "Filled", "PendingCancel", "-", "Canceled", "Expired", "Unknown"],
        /* PartiallyFilled */ ["X", "-", "X", "PartiallyFilled", "Filled", "PendingCancel", "-", "Canceled", "Expired", "Unknown"],
        /* Filled          */ ["X", "-", "X", "-", "-", "X", "-", "-", "-", "-"],
        /* PendingCancel   */ ["X", "PendingCancel", "Rejected", "PendingCancel", "Filled", "-", "Accepted", "Canceled", "Expired", "Unknown"],
        /* Canceled        */ ["X", "-", "X", "Canceled", "Filled", "X", "-", "-", "-", "-"],
        /* Rejected        */ ["X", "X", "-", "X", "X", "X", "-", "X", "X", "-"],
        /* Expired         */ ["X", "-", "X", "Expired", "Filled", "X", "-", "-", "-", "-"],
        /* Unknown         */ ["X", "Accepted", "Rejected", "PartiallyFilled", "Filled", "PendingCancel", "-", "Canceled", "Expired", "-"],
    ];

    public static TheoryData<OrderStatus, OrderEventKind, string> EveryPair()
    {
        var data = new TheoryData<OrderStatus, OrderEventKind, string>();
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            foreach (var kind in Enum.GetValues<OrderEventKind>())
            {
                data.Add(status, kind, Expected[(int)status][(int)kind]);
            }
        }

        return data;
    }

    [Fact]
    public void Table_covers_every_status_and_every_event_kind()
    {
        Assert.Equal(Enum.GetValues<OrderStatus>().Length, Expected.Length);
        Assert.All(Expected, row => Assert.Equal(Enum.GetValues<OrderEventKind>().Length, row.Length));
        Assert.Equal(100, EveryPair().Count);
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_pair_has_the_expected_outcome(OrderStatus status, OrderEventKind kind, string expected)
    {
        var result = OrderLifecycle.Transition(status, kind);

        switch (expected)
        {
            case "X":
                Assert.Equal(TransitionOutcome.Invalid, result.Outcome);
                Assert.Equal(status, result.Next);
                Assert.False(string.IsNullOrWhiteSpace(result.Reason));
                break;
            case "-":
                Assert.Equal(TransitionOutcome.Ignored, result.Outcome);
                Assert.Equal(status, result.Next);
                Assert.False(string.IsNullOrWhiteSpace(result.Reason));
                break;
            default:
                Assert.Equal(TransitionOutcome.Applied, result.Outcome);
                Assert.Equal(Enum.Parse<OrderStatus>(expected), result.Next);
                Assert.Null(result.Reason);
                break;
        }
    }

    [Theory]
    [InlineData(OrderStatus.Filled, true)]
    [InlineData(OrderStatus.Canceled, true)]
    [InlineData(OrderStatus.Rejected, true)]
    [InlineData(OrderStatus.Expired, true)]
    [InlineData(OrderStatus.Unknown, false)]
    [InlineData(OrderStatus.PendingCancel, false)]
    [InlineData(OrderStatus.Accepted, false)]
    public void Terminal_statuses(OrderStatus status, bool terminal)
    {
        Assert.Equal(terminal, OrderLifecycle.IsTerminal(status));
        Assert.Equal(!terminal && status != OrderStatus.PendingSubmit, OrderLifecycle.IsWorking(status));
    }

    [Fact]
    public void No_terminal_status_is_left_by_anything_but_a_fill_race()
    {
        foreach (var status in Enum.GetValues<OrderStatus>().Where(OrderLifecycle.IsTerminal))
        {
            foreach (var kind in Enum.GetValues<OrderEventKind>())
            {
                var result = OrderLifecycle.Transition(status, kind);
                if (result.Outcome == TransitionOutcome.Applied && result.Next != status)
                {
                    Assert.Equal(OrderEventKind.Filled, kind);
                }
            }
        }
    }
}
