using Akka.Actor;
using Engine.Actors.Orders;
using Engine.Actors.Orders.Protocol;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>Decide and apply at once, persist asynchronously, release effects only after the commit.</summary>
public sealed class OrderBookActorAsyncPersistTests : OrderBookActorTestBase
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task Effects_wait_for_the_commit_while_a_cancel_right_after_the_submit_finds_the_order()
    {
        StartBook();
        Storage.Hold();

        Tell(Limit("o-1"));
        await Storage.HeldWriteEntered.WaitAsync(Patience);
        Tell(new CancelOrder(Login, new ClientOrderId("o-1"), Now));
        Connection.ExpectNoMsg(Quiet);
        Events.ExpectNoMsg(TimeSpan.Zero);
        Strategy.ExpectNoMsg(TimeSpan.Zero);
        Assert.Empty(Journal());

        Storage.Release();

        Connection.ExpectMsg<SendPlace>(p => p.Order.ClientOrderId.Value == "o-1");
        Events.ExpectMsg<OrderSubmitted>(e => e.ClientOrderId.Value == "o-1");
        Events.ExpectMsg<OrderCancelRequested>(e => e.ClientOrderId.Value == "o-1");
        Assert.Equal(OrderStatus.PendingCancel, Order("o-1").Status);
        Strategy.ExpectNoMsg(TimeSpan.Zero);

        Tell(Placed("o-1", "v-1"));
        var cancel = Connection.ExpectMsg<SendCancel>();
        Assert.Equal("v-1", Assert.Single(cancel.Orders).VenueOrderId.Value);
        Assert.Equal(
            [typeof(OrderSubmitted), typeof(OrderCancelRequested), typeof(OrderAccepted)],
            Journal().Select(e => e.GetType()));
    }

    [Fact]
    public void Many_submits_in_a_row_are_placed_and_published_in_journal_order()
    {
        StartBook();
        const int count = 200;
        for (var i = 0; i < count; i++)
        {
            Tell(Limit($"o-{i}"));
        }

        for (var i = 0; i < count; i++)
        {
            Connection.ExpectMsg<SendPlace>(p => p.Order.ClientOrderId.Value == $"o-{i}");
            Events.ExpectMsg<OrderSubmitted>(e => e.ClientOrderId.Value == $"o-{i}");
        }

        Assert.Equal(
            Enumerable.Range(0, count).Select(i => $"o-{i}"),
            Journal().Cast<OrderSubmitted>().Select(e => e.ClientOrderId.Value));
    }

    [Fact]
    public async Task After_a_failed_write_no_effect_of_it_or_of_a_later_command_escapes()
    {
        StartBook();
        Place("o-1", "v-1");
        Watch(Book);
        Storage.Hold();

        Tell(Limit("o-2"));
        await Storage.HeldWriteEntered.WaitAsync(Patience);
        Tell(Limit("o-3"));
        Tell(new CancelOrder(Login, new ClientOrderId("o-1"), Now));
        Tell(new CancelOrder(Login, new ClientOrderId("nope"), Now));
        Tell(Limit("o-2"));
        Storage.FailWrites = true;
        Storage.Release();

        ExpectTerminated(Book);
        Connection.ExpectMsg<Terminated>(t => t.ActorRef.Equals(Book));
        Connection.ExpectNoMsg(Quiet);
        Events.ExpectNoMsg(TimeSpan.Zero);
        Strategy.ExpectNoMsg(TimeSpan.Zero);
        Storage.FailWrites = false;
        Assert.Equal([typeof(OrderSubmitted), typeof(OrderAccepted)], Journal().Select(e => e.GetType()));
        Assert.Contains(Logs.Entries, e => e.Message.Contains(OrderJournal.PersistenceIdOf(Login), StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_rejected_write_no_effect_of_it_or_of_a_later_command_escapes()
    {
        StartBook();
        Place("o-1", "v-1");
        Watch(Book);
        Storage.Hold();

        Tell(Limit("o-2"));
        await Storage.HeldWriteEntered.WaitAsync(Patience);
        Tell(Limit("o-3"));
        Tell(new CancelOrder(Login, new ClientOrderId("o-1"), Now));
        Tell(new CancelOrder(Login, new ClientOrderId("nope"), Now));
        Tell(Limit("o-2"));
        Storage.RejectWrites = true;
        Storage.Release();

        ExpectTerminated(Book);
        Connection.ExpectMsg<Terminated>(t => t.ActorRef.Equals(Book));
        Connection.ExpectNoMsg(Quiet);
        Events.ExpectNoMsg(TimeSpan.Zero);
        Strategy.ExpectNoMsg(TimeSpan.Zero);
        Storage.RejectWrites = false;
        Assert.Equal([typeof(OrderSubmitted), typeof(OrderAccepted)], Journal().Select(e => e.GetType()));
        Assert.Contains(Logs.Entries, e => e.Message.StartsWith("The journal rejected OrderSubmitted of " + OrderJournal.PersistenceIdOf(Login), StringComparison.Ordinal));
    }
}
