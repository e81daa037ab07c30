using System.Collections.Concurrent;
using Akka.Actor;
using Engine.Actors.Orders.Protocol;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>
/// The property an early acknowledgement would rely on (issue 9, Benchmarks: "an acknowledgement may reach the strategy
/// before its own commit, provided that nothing outside the process can depend on an uncommitted event"): whatever the
/// book hands its parent, the connection (<see cref="SendPlace"/>, <see cref="SendCancel"/>, <see cref="ResolutionNeeded"/>:
/// everything that leaves the process), is released only once every event the book recorded before it has committed,
/// even when a strategy reacts to an event at once. The test holds the journal's writes and checks, at the moment each
/// message reaches the parent, what the journal holds. The book relies on it to publish the venue's acknowledgement
/// (<see cref="OrderAccepted"/>) before its own commit and to write it with its next write (one commit per round trip,
/// not two), which the second test pins, with fills still after theirs; the third shows what a lost acknowledgement costs.
/// </summary>
public sealed class OrderBookActorCommitBeforeLeavingTests : OrderBookActorTestBase
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task What_leaves_for_the_connection_waits_for_every_event_recorded_before_it_even_when_a_strategy_reacts_at_once()
    {
        var left = new ConcurrentQueue<(object Message, List<object> Committed)>();
        Inspect = message => left.Enqueue((message, Journal()));
        StartBook();
        var strategy = Sys.ActorOf(Props.Create(() => new ReactingStrategy(Parent, ReactToAcceptance)), "reacting-strategy");
        Sys.EventStream.Subscribe(strategy, typeof(IOrderEvent));
        Submit("o-1");

        // The acknowledgement is published at once but not written alone: the strategy cancels o-1 and submits o-2 as
        // soon as it hears of it, and the acknowledgement goes into the journal in one write with the cancel.
        Storage.Hold();
        Tell(Placed("o-1", "v-1"));
        await Storage.HeldWriteEntered.WaitAsync(Patience);
        Connection.ExpectNoMsg(Quiet);

        // That write commits: the cancel leaves; o-2's write-ahead is the next write, held, so its placement waits.
        Storage.ReleaseOne();
        await Storage.HeldWriteEntered.WaitAsync(Patience);
        Assert.Equal([typeof(OrderSubmitted), typeof(OrderAccepted), typeof(OrderCancelRequested)], Journal().Select(e => e.GetType()));
        Assert.Equal("v-1", Assert.Single(Connection.ExpectMsg<SendCancel>().Orders).VenueOrderId.Value);
        Connection.ExpectNoMsg(Quiet);

        Storage.Release();
        Connection.ExpectMsg<SendPlace>(p => p.Order.ClientOrderId.Value == "o-2");
        Connection.ExpectNoMsg(Quiet);
        var journal = Journal();
        Assert.Equal(
            [(typeof(OrderSubmitted), "o-1"), (typeof(OrderAccepted), "o-1"), (typeof(OrderCancelRequested), "o-1"), (typeof(OrderSubmitted), "o-2")],
            journal.Cast<IOrderEvent>().Select(e => (e.GetType(), e.ClientOrderId.Value)));
        Assert.Equal(["SendPlace o-1", "SendCancel o-1", "SendPlace o-2"], left.Select(l => Describe(l.Message)));
        foreach (var (message, committed) in left)
        {
            // The journal only grows: what had committed when the message left is a prefix of it, and reaches the
            // event the message carries out, so every event recorded before that one had committed too.
            Assert.Equal(journal.Take(committed.Count), committed);
            Assert.True(committed.Count > journal.FindIndex(e => CarriedOutBy(e, message)), $"{Describe(message)} left before its event committed");
        }
    }

    [Fact]
    public async Task The_venue_acknowledgement_reaches_subscribers_before_its_write_which_waits_for_the_next_one_and_a_fill_only_after_its_own_commit()
    {
        StartBook();
        Submit("o-1");

        Storage.Hold();
        Tell(Placed("o-1", "v-1"));
        Events.ExpectMsg<OrderAccepted>(e => e.ClientOrderId.Value == "o-1");
        Events.ExpectNoMsg(Quiet);
        Assert.False(Storage.HeldWriteEntered.IsCompleted, "the acknowledgement was written before its delay was up");
        Assert.Equal([typeof(OrderSubmitted)], Journal().Select(e => e.GetType()));

        // Nothing else to write: it is written alone once the delay is up.
        Advance(Options.AcceptedWriteDelay);
        await Storage.HeldWriteEntered.WaitAsync(Patience);
        Storage.Release();
        AwaitAssert(() => Assert.Equal([typeof(OrderSubmitted), typeof(OrderAccepted)], Journal().Select(e => e.GetType())));

        Storage.Hold();
        Report(FillReport("v-1", "f-1", 0.5m));
        await Storage.HeldWriteEntered.WaitAsync(Patience);
        Events.ExpectNoMsg(Quiet);
        Storage.Release();
        Events.ExpectMsg<OrderPartiallyFilled>(e => e.FillId.Value == "f-1");
        Assert.Equal(3, Journal().Count);
    }

    [Fact]
    public void An_acknowledgement_lost_with_the_book_before_its_write_leaves_the_order_to_be_resolved_with_the_venue()
    {
        StartBook();
        Submit("o-1");
        Tell(Placed("o-1", "v-1"));
        Events.ExpectMsg<OrderAccepted>(e => e.ClientOrderId.Value == "o-1");

        StopBook();
        Assert.Equal([typeof(OrderSubmitted)], Journal().Select(e => e.GetType()));
        Assert.Contains(Logs.Entries, e => e.Message.Contains("1 acknowledgements not yet written (o-1)", StringComparison.Ordinal));

        // As after a crash: no reply will reach this incarnation, so the order is Unknown and its symbol is sent for
        // resolution; nothing was lost, and nothing is guessed.
        StartBook();
        Assert.Equal([Btc], Connection.ExpectMsg<ResolutionNeeded>().Symbols.ToArray());
        Assert.Equal(OrderStatus.Unknown, Order("o-1").Status);
    }

    private IEnumerable<object> ReactToAcceptance(IOrderEvent orderEvent)
    {
        if (orderEvent is OrderAccepted { ClientOrderId.Value: "o-1" })
        {
            yield return new CancelOrder(Login, new ClientOrderId("o-1"), Now);
            yield return Limit("o-2");
        }
    }

    private static bool CarriedOutBy(object journaled, object message) => (journaled, message) switch
    {
        (OrderSubmitted s, SendPlace p) => s.ClientOrderId == p.Order.ClientOrderId,
        (OrderCancelRequested c, SendCancel s) => s.Orders.Any(t => t.ClientOrderId == c.ClientOrderId),
        _ => false,
    };

    private static string Describe(object message) => message switch
    {
        SendPlace p => $"SendPlace {p.Order.ClientOrderId}",
        SendCancel c => $"SendCancel {string.Join(",", c.Orders.Select(t => t.ClientOrderId))}",
        _ => message.GetType().Name,
    };
}
