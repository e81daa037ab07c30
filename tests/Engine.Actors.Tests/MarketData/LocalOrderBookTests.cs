using Engine.Actors.MarketData.Books;
using Engine.Messages.MarketData;

namespace Engine.Actors.Tests.MarketData;

public class LocalOrderBookTests
{
    [Fact]
    public void Levels_are_absolute_zero_removes_and_sides_iterate_best_first()
    {
        var book = new LocalOrderBook();
        book.Reset([new(99m, 1m), new(100m, 2m)], [new(102m, 1m), new(101m, 3m)]);

        book.Apply([new(100m, 0m), new(98m, 0m), new(99.5m, 4m)], [new(101m, 1.5m)]);

        Assert.Equal([new BookLevel(99.5m, 4m), new BookLevel(99m, 1m)], book.Bids().ToArray());
        Assert.Equal([new BookLevel(101m, 1.5m)], book.Asks(1).ToArray());
        Assert.Equal(new BookLevel(99.5m, 4m), book.BestBid);
        Assert.False(book.IsCrossed);

        book.Apply([new(101m, 1m)], []);
        Assert.True(book.IsCrossed);
    }
}
