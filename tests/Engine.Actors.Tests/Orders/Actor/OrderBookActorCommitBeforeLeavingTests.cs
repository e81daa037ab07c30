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
/// (<see cref="OrderAccepted"/>) before its own commit, which the second test pins, with fills still after theirs.
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

        Storage.Hold();
        Tell(Placed("o-1", "v-1"));
        await Storage.HeldWriteEntered.WaitAsync(Patience);
        Connection.ExpectNoMsg(Quiet);

        // OrderAccepted commits; the strategy cancels o-1 and submits o-2 as soon as it learns of it.
        Storage.ReleaseOne();
        await Storage.HeldWriteEntered.WaitAsync(Patience);
        Connection.ExpectNoMsg(Quiet);
        Assert.Equal([typeof(OrderSubmitted), typeof(OrderAccepted)], Journal().Select(e => e.GetType()));

        Storage.Release();

        Assert.Equal("v-1", Assert.Single(Connection.ExpectMsg<SendCancel>().Orders).VenueOrderId.Value);
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
    public async Task The_venue_acknowledgement_reaches_subscribers_before_its_commit_and_a_fill_only_after_its_own()
    {
        StartBook();
        Submit("o-1");

        Storage.Hold();
        Tell(Placed("o-1", "v-1"));
        await Storage.HeldWriteEntered.WaitAsync(Patience);
        Events.ExpectMsg<OrderAccepted>(e => e.ClientOrderId.Value == "o-1");
        Assert.Equal([typeof(OrderSubmitted)], Journal().Select(e => e.GetType()));
        Storage.Release();
        AwaitAssert(() => Assert.Equal(2, Journal().Count));

        Storage.Hold();
        Report(FillReport("v-1", "f-1", 0.5m));
        await Storage.HeldWriteEntered.WaitAsync(Patience);
        Events.ExpectNoMsg(Quiet);
        Storage.Release();
        Events.ExpectMsg<OrderPartiallyFilled>(e => e.FillId.Value == "f-1");
        Assert.Equal(3, Journal().Count);
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
