using System.Collections.Immutable;
using Akka.Actor;
using Engine.Actors.Orders.Protocol;
using Engine.Actors.Venues;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Tests.Orders.Actor;

public sealed class OrderBookActorSubmitTests : OrderBookActorTestBase
{
    [Fact]
    public void A_valid_order_is_journaled_before_SendPlace_reaches_the_connection()
    {
        List<object>? journalAtSend = null;
        Inspect = m =>
        {
            if (m is SendPlace)
            {
                journalAtSend = Journal();
            }
        };
        StartBook();

        Tell(Limit("c-1"));

        var send = Connection.ExpectMsg<SendPlace>();
        Assert.Equal("c-1", send.Order.ClientOrderId.Value);
        var recorded = Assert.Single(journalAtSend!);
        Assert.Equal(OrderSubmitted.From(Limit("c-1")), recorded);
        Assert.Equal(OrderSubmitted.From(Limit("c-1")), Events.ExpectMsg<OrderSubmitted>());
        Assert.Equal(OrderStatus.Submitted, Order("c-1").Status);
        Strategy.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Every_published_event_but_the_venue_acknowledgement_is_already_in_the_journal()
    {
        // OrderAccepted alone is published when decided, before its commit (OrderBookActorCommitBeforeLeavingTests).
        var unjournaled = new System.Collections.Concurrent.ConcurrentQueue<object>();
        var seen = CreateTestProbe();
        Action<object> inspect = e =>
        {
            if (e is not OrderAccepted && !FullJournal().Contains(e))
            {
                unjournaled.Enqueue(e);
            }
        };
        var subscriber = Sys.ActorOf(Props.Create(() => new InspectingSubscriber(seen.Ref, inspect)));
        Sys.EventStream.Subscribe(subscriber, typeof(IOrderEvent));
        StartBook();

        Place("c-1", "v-1", quantity: 2m);
        Report(FillReport("v-1", "f-1", 0.5m));
        Tell(new CancelOrder(Login, new ClientOrderId("c-1"), Now));
        Report(StatusReport("v-1", OrderStatus.Canceled, 2m, 1.5m));

        // The session's start, then the five order events.
        Assert.Equal(6, seen.ReceiveN(6).Count);
        Assert.Empty(unjournaled);
        AwaitAssert(() => Assert.Contains(Journal(), e => e is OrderAccepted));
    }

    public static TheoryData<string, decimal, decimal?, string, string> LocalRefusals => new()
    {
        { "zero quantity", 0m, 100m, "BTC/USDT", "quantity 0 must be positive for BTC/USDT" },
        { "negative quantity", -1m, 100m, "BTC/USDT", "quantity -1 must be positive for BTC/USDT" },
        { "limit without price", 1m, null, "BTC/USDT", "a Limit order needs a price for BTC/USDT" },
        { "negative price", 1m, -5m, "BTC/USDT", "price -5 must be positive for a Limit order in BTC/USDT" },
        { "unknown symbol", 1m, 100m, "DOGE/USDT", "unknown symbol DOGE/USDT: login qg-1 has no trading rules for it" },
        { "price off tick", 1m, 100.005m, "BTC/USDT", "price 100.005 is not a multiple of the tick 0.01 for BTC/USDT" },
        { "quantity off size tick", 0.00015m, 100m, "BTC/USDT", "quantity 0.00015 is not a multiple of the size tick 0.0001 for BTC/USDT" },
    };

    [Theory]
    [MemberData(nameof(LocalRefusals))]
    public void A_bad_order_is_rejected_locally_journaled_and_nothing_is_sent(string because, decimal quantity, decimal? price, string symbol, string reason)
    {
        StartBook();

        Tell(Limit("c-1", quantity, price, new Symbol(symbol)));

        var rejected = Strategy.ExpectMsg<OrderRejected>();
        Assert.True(rejected.IsLocal, because);
        Assert.Equal(reason, rejected.Reason);
        Events.ExpectMsg<OrderSubmitted>();
        Assert.Equal(rejected, Events.ExpectMsg<OrderRejected>());
        Assert.Equal([typeof(OrderSubmitted), typeof(OrderRejected)], Journal().Select(e => e.GetType()));
        Assert.Equal(OrderStatus.Rejected, Order("c-1").Status);
        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Warning && e.Message == $"Order c-1 of login qg-1 rejected locally, nothing sent: {reason}");
    }

    [Theory]
    [InlineData(false, "login qg-1 is not ready to trade: the connection has not reported ready yet")]
    [InlineData(true, "login qg-1 is not ready to trade: login qg-1 is reconnecting")]
    public void An_order_before_READY_is_rejected_locally(bool readinessReported, string reason)
    {
        StartBook(ready: false);
        if (readinessReported)
        {
            Tell(new ConnectionReadiness(false, "login qg-1 is reconnecting", ImmutableDictionary<Symbol, Engine.Messages.Markets.SymbolRules>.Empty));
        }

        Tell(Limit("c-1"));

        var rejected = Strategy.ExpectMsg<OrderRejected>();
        Assert.True(rejected.IsLocal);
        Assert.Equal(reason, rejected.Reason);
        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void A_duplicate_client_order_id_is_rejected_without_touching_the_journal_or_the_order()
    {
        StartBook();
        Submit("c-1");

        Tell(Limit("c-1", quantity: 2m));

        var rejected = Strategy.ExpectMsg<OrderRejected>();
        Assert.True(rejected.IsLocal);
        Assert.Equal("client order id c-1 is already used by an order of login qg-1 (now Submitted)", rejected.Reason);
        Assert.Equal(rejected, Events.ExpectMsg<OrderRejected>());
        Assert.Single(Journal());
        Assert.Equal(OrderStatus.Submitted, Order("c-1").Status);
        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void An_order_for_another_login_is_rejected_without_touching_the_journal()
    {
        StartBook();

        Tell(Limit("c-1") with { Login = new LoginId("someone-else") });

        var rejected = Strategy.ExpectMsg<OrderRejected>();
        Assert.Equal("order c-1 is for login someone-else but this order book belongs to login qg-1", rejected.Reason);
        Assert.Empty(Journal());
        Assert.Empty(Orders().Orders);
        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void A_placed_order_is_accepted_with_its_venue_id()
    {
        StartBook();
        Submit("c-1");

        Tell(Placed("c-1", "v-1"));

        var accepted = Events.ExpectMsg<OrderAccepted>();
        Assert.Equal(new VenueOrderId("v-1"), accepted.VenueOrderId);
        Assert.Equal(OrderStatus.Accepted, Order("c-1").Status);
        Assert.Equal(new VenueOrderId("v-1"), Order("c-1").VenueOrderId);
        Assert.IsType<OrderAccepted>(Journal()[^1]);
    }

    [Fact]
    public void A_refused_placement_is_a_venue_rejection_with_the_venue_text()
    {
        StartBook();
        Submit("c-1");

        Tell(new PlaceOutcome(new ClientOrderId("c-1"), new RequestRefusedReply("insufficient balance"), null, Now));

        var rejected = Events.ExpectMsg<OrderRejected>();
        Assert.False(rejected.IsLocal);
        Assert.Equal("insufficient balance", rejected.Reason);
        Assert.Equal(OrderStatus.Rejected, Order("c-1").Status);
        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    public static TheoryData<string, VenueReply?, string?, string> UnknownOutcomes => new()
    {
        { "timeout", null, "no reply within 5s", "no reply within 5s" },
        { "unreadable", new UnreadableReply("truncated JSON"), null, "the place reply could not be read: truncated JSON" },
    };

    [Theory]
    [MemberData(nameof(UnknownOutcomes))]
    public void An_unknown_placement_outcome_makes_the_order_Unknown_and_asks_for_resolution(string because, VenueReply? reply, string? unknownReason, string reason)
    {
        StartBook();
        Submit("c-1");

        Tell(new PlaceOutcome(new ClientOrderId("c-1"), reply, unknownReason, Now));

        var unknown = Events.ExpectMsg<OrderStatusUnknown>();
        Assert.Equal(reason, unknown.Reason);
        Assert.Equal(OrderStatus.Unknown, Order("c-1").Status);
        Assert.Equal([Btc], Connection.ExpectMsg<ResolutionNeeded>().Symbols.ToArray());
        Assert.DoesNotContain(Journal(), e => e is OrderRejected);
        Assert.NotNull(because);
    }

    [Fact]
    public void A_journal_write_failure_stops_the_book()
    {
        StartBook();
        Submit("c-1");
        Storage.FailWrites = true;

        Tell(Limit("c-2"));

        Assert.Equal(Book, Connection.ExpectMsg<Terminated>().ActorRef);
        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void A_rejected_journal_write_stops_the_book()
    {
        StartBook();
        Submit("c-1");
        Storage.RejectWrites = true;

        Tell(Limit("c-2"));

        Assert.Equal(Book, Connection.ExpectMsg<Terminated>().ActorRef);
        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal([typeof(OrderSubmitted)], Journal().Select(e => e.GetType()));
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("The journal rejected OrderSubmitted of orders/qg-1", StringComparison.Ordinal));
    }
}
