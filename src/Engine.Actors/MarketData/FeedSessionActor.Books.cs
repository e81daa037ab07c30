using Akka.Actor;
using Engine.Actors.MarketData.Books;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData;

/// <summary>Books: each update through its synchronizer, snapshot fetches (piped back with their socket's generation), resyncs logged, counted and published (<see cref="BookResynced"/>).</summary>
public sealed partial class FeedSessionActor
{
    private void OnBookInput(IBookInput input, DateTimeOffset receivedAt)
    {
        if (!_books.TryGetValue(input.Symbol, out var book))
        {
            return;
        }

        Handle(input.Symbol, book, book.OnInput(input, receivedAt));
    }

    private void Handle(Symbol symbol, IBookSynchronizer book, BookStep step)
    {
        foreach (var bookEvent in step.Events)
        {
            Publish(bookEvent);
        }

        if (step.GapReason is { } reason)
        {
            Resyncs++;
            Context.System.EventStream.Publish(new BookResynced(_feedId, symbol, BookResynced.Gap, Now));
            LogResync(_log, _feedId, symbol, reason, book.Resyncs);
        }

        if (book.IsSynced && book.Book.IsCrossed)
        {
            Resyncs++;
            Context.System.EventStream.Publish(new BookResynced(_feedId, symbol, BookResynced.Crossed, Now));
            LogCrossed(_log, _feedId, symbol, book.Book.BestBid?.Price ?? 0m, book.Book.BestAsk?.Price ?? 0m);
            book.Reset();
            Fetch(symbol);
            return;
        }

        switch (step.Action)
        {
            case BookAction.FetchSnapshot:
                Fetch(symbol);
                break;
            case BookAction.Resubscribe:
                var topic = _codec.Topic(symbol, MarketDataKind.Book);
                EnqueueControl(_codec.UnsubscribeFrames([topic], NextControlId));
                EnqueueControl(_codec.SubscribeFrames([topic], NextControlId));
                Flush();
                break;
        }
    }

    private void Fetch(Symbol symbol)
    {
        if (!_books.ContainsKey(symbol) || !_fetching.Add(symbol))
        {
            return;
        }

        var generation = _generation;
        var cancel = new CancellationTokenSource(_options.SnapshotTimeout, _time);
        _codec.FetchSnapshotAsync(symbol, cancel.Token).ContinueWith(
            t =>
            {
                cancel.Dispose();
                return t.IsCompletedSuccessfully
                    ? (object)new SnapshotFetched(generation, symbol, t.Result, _time.GetUtcNow())
                    : new SnapshotFailed(generation, symbol, t.Exception?.GetBaseException().Message ?? $"timed out after {_options.SnapshotTimeout}");
            },
            TaskScheduler.Default).PipeTo(Self);
    }

    private void OnSnapshot(SnapshotFetched fetched)
    {
        _fetching.Remove(fetched.Symbol);
        if (_books.TryGetValue(fetched.Symbol, out var book))
        {
            Handle(fetched.Symbol, book, book.OnSnapshot(fetched.Snapshot, fetched.At));
        }
    }

    private void OnSnapshotFailed(SnapshotFailed failed)
    {
        _fetching.Remove(failed.Symbol);
        LogSnapshotFailed(_log, _feedId, failed.Symbol, failed.Reason, _options.ReconnectMinBackoff);
        Timers.StartSingleTimer("snapshot-" + failed.Symbol.Value, new SnapshotRetry(_generation, failed.Symbol), _options.ReconnectMinBackoff);
    }
}
