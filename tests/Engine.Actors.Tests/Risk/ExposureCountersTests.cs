using Engine.Actors.Orders;
using Engine.Actors.Risk;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Risk;

namespace Engine.Actors.Tests.Risk;

/// <summary>
/// The risk gate's incremental counters against a full scan of the book (<see cref="ExposureCalculator"/>): a seeded
/// random walk of order events (submits, acknowledgements, partial and full fills, duplicates, cancels, rejections,
/// unknowns, reports and reconciliations, some invalid for the order's state) through the real <see cref="OrderBook"/>;
/// after every event, every scope and symbol reads the same from both, and a snapshot restore starts them equal again.
/// </summary>
public sealed class ExposureCountersTests
{
    private static readonly LoginId Demo = new("demo");
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly Symbol[] Symbols = [new("BTC"), new("ETH"), new("SOL")];
    private static readonly string?[] Strategies = ["mm", "arb", null];

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2026)]
    [InlineData(99991)]
    public void The_counters_equal_a_full_scan_after_every_event_of_a_random_sequence(int seed)
    {
        var random = new Random(seed);
        var book = new OrderBook(Demo);
        var counters = new ExposureCounters(Demo);
        var ids = new List<ClientOrderId>();
        var applied = 0;
        for (var step = 0; step < 600; step++)
        {
            var orderEvent = Next(random, book, ids, step);
            var before = book.Find(orderEvent.ClientOrderId);
            if (book.Apply(orderEvent).ShouldPersist)
            {
                applied++;
            }

            counters.Replace(before, book.Find(orderEvent.ClientOrderId));
            AssertEqualToScan(book, counters, $"seed {seed}, step {step}, {orderEvent}");

            if (step == 300)
            {
                var restored = new ExposureCounters(Demo);
                restored.Reset(book.Orders);
                AssertEqualToScan(book, restored, $"seed {seed}, restored at step {step}");
            }
        }

        // The walk must exercise the book, not only be refused by it.
        Assert.True(applied > 300, $"only {applied} of 600 events were applied");
        Assert.Contains(book.Orders, o => o.FilledQuantity > 0m && OrderLifecycle.IsWorking(o.Status));
        Assert.Contains(book.Orders, o => o.Status == OrderStatus.Filled);
    }

    private static void AssertEqualToScan(OrderBook book, ExposureCounters counters, string where)
    {
        var scopes = new List<(RiskScope Scope, Func<OrderState, bool> InScope)> { (RiskScope.OfLogin(Demo.Value), _ => true) };
        scopes.AddRange(Strategies.OfType<string>().Select(s => (RiskScope.OfStrategy(s), (Func<OrderState, bool>)(o => StrategyNames.Of(o.ClientOrderId) == s))));
        foreach (var symbol in Symbols)
        {
            var symbolScope = (RiskScope.OfSymbol(symbol.Value), (Func<OrderState, bool>)(o => o.Symbol == symbol));
            foreach (var (scope, inScope) in scopes.Append(symbolScope))
            {
                var scan = ExposureCalculator.Of(book.Orders, inScope, symbol, 3, -1.5m);
                var counted = counters.Of(scope, symbol, 3, -1.5m);
                if (scan != counted)
                {
                    Assert.Fail($"{scope} {symbol} at {where}: counters {counted}, full scan {scan}");
                }
            }
        }
    }

    private static IOrderEvent Next(Random random, OrderBook book, List<ClientOrderId> ids, int step)
    {
        var at = T0.AddMilliseconds(step);
        if (ids.Count == 0 || random.Next(5) == 0)
        {
            var strategy = Strategies[random.Next(Strategies.Length)];
            var id = new ClientOrderId(strategy is null ? $"manual{step}" : $"{strategy}-lq2x1a-{step}");
            ids.Add(id);
            var side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
            return new OrderSubmitted(Demo, id, at, Symbols[random.Next(Symbols.Length)], side, OrderType.Limit, random.Next(1, 9) * 0.25m, 100m + random.Next(20));
        }

        var cid = ids[random.Next(ids.Count)];
        var order = book.Find(cid)!;
        var venueId = new VenueOrderId("v-" + cid.Value);
        var quantity = Math.Max(0.25m, Math.Min(order.RemainingQuantity, random.Next(1, 4) * 0.25m));
        var price = 100m + random.Next(20);
        return random.Next(11) switch
        {
            0 or 1 => new OrderAccepted(Demo, cid, at, venueId),
            2 or 3 => new OrderPartiallyFilled(Demo, cid, at, venueId, new FillId($"f-{step}"), price, quantity),
            4 => new OrderFilled(Demo, cid, at, venueId, new FillId($"f-{step}"), price, order.RemainingQuantity),
            5 => new OrderCanceled(Demo, cid, at, venueId),
            6 => new OrderRejected(Demo, cid, at, "venue says no"),
            7 => new OrderStatusUnknown(Demo, cid, at, "timeout"),
            8 => new OrderCancelRequested(Demo, cid, at),
            9 => new OrderStatusReported(Demo, cid, at, venueId, random.Next(2) == 0 ? OrderStatus.Accepted : OrderStatus.Canceled, order.Quantity, order.RemainingQuantity),
            _ => new OrderReconciled(Demo, cid, at, venueId, random.Next(2) == 0 ? OrderStatus.PartiallyFilled : OrderStatus.Filled, Math.Min(order.Quantity, order.FilledQuantity + 0.25m), "reconciled"),
        };
    }
}
