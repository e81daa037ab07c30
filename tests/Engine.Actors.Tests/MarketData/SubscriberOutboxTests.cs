using System.Collections.Immutable;
using Engine.Actors.MarketData;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.MarketData;

/// <summary>Conflation: latest quote and book state for a slow subscriber; trades in full within a bounded buffer.</summary>
public class SubscriberOutboxTests
{
    private static readonly FeedId Feed = new("f");
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly Symbol Eth = new("ETHUSDT");
    private static readonly DateTimeOffset T = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_pending_quote_is_replaced_by_the_newer_one_in_place()
    {
        var outbox = new SubscriberOutbox(10);
        outbox.OfferQuote(Quote(Btc, 1m));
        outbox.OfferTrade(Trade("t1"));
        outbox.OfferQuote(Quote(Btc, 2m));
        outbox.OfferQuote(Quote(Eth, 3m));
        outbox.OfferQuote(Quote(Btc, 4m));

        Assert.Equal(4m, Assert.IsType<QuoteTick>(outbox.Take()).BidPrice);
        Assert.Equal("t1", Assert.IsType<TradeTick>(outbox.Take()).TradeId);
        Assert.Equal(3m, Assert.IsType<QuoteTick>(outbox.Take()).BidPrice);
        Assert.Null(outbox.Take());
    }

    [Fact]
    public void A_book_event_behind_a_pending_one_turns_it_into_the_current_snapshot_keeping_the_resync_flag()
    {
        var outbox = new SubscriberOutbox(10);
        var current = new OrderBookSnapshot(Feed, Btc, 7, [new BookLevel(1m, 1m)], [new BookLevel(2m, 1m)], false, T, T);
        outbox.OfferBook(new OrderBookSnapshot(Feed, Btc, 5, [], [], true, T, T), resync => current with { IsResync = resync });
        outbox.OfferBook(new OrderBookDelta(Feed, Btc, 5, 6, [], [], T, T), resync => current with { IsResync = resync });
        outbox.OfferBook(new OrderBookDelta(Feed, Btc, 6, 7, [], [], T, T), resync => current with { IsResync = resync });

        var delivered = Assert.IsType<OrderBookSnapshot>(outbox.Take());
        Assert.Equal((7L, true), (delivered.UpdateId, delivered.IsResync));
        Assert.Null(outbox.Take());
    }

    [Fact]
    public void A_delta_with_nothing_pending_is_delivered_as_a_delta()
    {
        var outbox = new SubscriberOutbox(10);
        outbox.OfferBook(new OrderBookDelta(Feed, Btc, 5, 6, [], [], T, T), _ => throw new InvalidOperationException("no snapshot needed"));

        Assert.IsType<OrderBookDelta>(outbox.Take());
    }

    [Fact]
    public void Trades_are_kept_in_full_up_to_the_capacity_then_the_oldest_is_dropped_and_reported_once()
    {
        var outbox = new SubscriberOutbox(3);
        outbox.OfferQuote(Quote(Btc, 1m));
        var warnings = Enumerable.Range(1, 5).Select(i => outbox.OfferTrade(Trade($"t{i}"))).ToList();

        Assert.Equal([false, false, false, true, false], warnings);
        Assert.Equal(2, outbox.DroppedTotal);
        Assert.IsType<QuoteTick>(outbox.Take());
        Assert.Equal(["t3", "t4", "t5"], Enumerable.Range(0, 3).Select(_ => ((TradeTick)outbox.Take()!).TradeId));
        Assert.Equal([(MarketDataKind.Trades, Btc, 2L)], outbox.TakeDrops());
        Assert.Empty(outbox.TakeDrops());
    }

    [Fact]
    public void Unsubscribing_forgets_what_is_pending_for_that_symbol_and_kind()
    {
        var outbox = new SubscriberOutbox(10);
        outbox.OfferQuote(Quote(Btc, 1m));
        outbox.OfferTrade(Trade("t1"));
        outbox.OfferQuote(Quote(Eth, 2m));

        outbox.Remove(Btc, MarketDataKind.Trades);
        outbox.Remove(Btc, MarketDataKind.Quotes);

        Assert.Equal(Eth, Assert.IsType<QuoteTick>(outbox.Take()).Symbol);
        Assert.Null(outbox.Take());
    }

    private static QuoteTick Quote(Symbol symbol, decimal bid) => new(Feed, symbol, bid, 1m, bid + 1m, 1m, T, T);

    private static TradeTick Trade(string id) => new(Feed, Btc, id, 1m, 1m, OrderSide.Buy, T, T);
}

/// <summary>Test shorthand.</summary>
internal static class SubscriberOutboxExtensions
{
    public static bool OfferTrade(this SubscriberOutbox outbox, TradeTick trade) => outbox.OfferInFull(trade, MarketDataKind.Trades);
}
