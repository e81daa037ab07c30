using System.CommandLine;
using System.Globalization;
using Engine.Actors.MarketData.Recording;
using Engine.Messages.MarketData;

namespace Engine.Host.Cli;

/// <summary>
/// <c>engine data inspect FILE [--first N]</c>: a summary of a market-data recording (its headers, events per kind
/// and symbol, first and last receive time) and its first events, one per line.
/// </summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A recording (<feed>-yyyy-MM-dd.mdj.gz) written with engine.record." };
        var first = new Option<int>("--first", "-n") { Description = "How many events to print after the summary.", DefaultValueFactory = _ => 10 };
        var inspect = new Command("inspect", "Summarise a market-data recording and print its first events.") { file, first };
        inspect.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(file)!;
            try
            {
                var headers = new List<RecordHeader>();
                var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
                var shown = new List<IMarketDataEvent>();
                DateTimeOffset? from = null;
                DateTimeOffset? to = null;
                foreach (var item in MarketDataFile.Read(path))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (item is RecordHeader header)
                    {
                        headers.Add(header);
                        continue;
                    }

                    var line = (RecordLine)item;
                    var marketEvent = line.Event;
                    var key = $"{line.Kind} {marketEvent.Symbol}";
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                    from ??= marketEvent.ReceivedAt;
                    to = marketEvent.ReceivedAt;
                    if (shown.Count < parse.GetValue(first))
                    {
                        shown.Add(marketEvent);
                    }
                }

                foreach (var header in headers)
                {
                    await output.WriteLineAsync($"header: {header.Schema} v{header.Version}, feed {header.Feed} ({header.Venue}), opened {header.Opened:O}");
                }

                await output.WriteLineAsync($"events: {counts.Values.Sum()} from {from:O} to {to:O}");
                foreach (var (key, count) in counts)
                {
                    await output.WriteLineAsync($"  {key}: {count}");
                }

                foreach (var marketEvent in shown)
                {
                    await output.WriteLineAsync(Describe(marketEvent));
                }

                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException or InvalidDataException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"cannot read {path}: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        var command = new Command("data", "Work with recorded market data.");
        command.Subcommands.Add(inspect);
        return command;
    }

    private static string Describe(IMarketDataEvent marketEvent)
    {
        var at = marketEvent.ReceivedAt.ToString("O", CultureInfo.InvariantCulture);
        return marketEvent switch
        {
            QuoteTick q => FormattableString.Invariant($"{at} quote {q.Symbol} {q.BidSize}@{q.BidPrice} / {q.AskSize}@{q.AskPrice}"),
            TradeTick t => FormattableString.Invariant($"{at} trade {t.Symbol} {t.Aggressor} {t.Quantity}@{t.Price} id {t.TradeId}"),
            OrderBookSnapshot b => FormattableString.Invariant($"{at} book {b.Symbol} id {b.UpdateId} {b.Bids.Length} bids / {b.Asks.Length} asks{(b.IsResync ? " (resync)" : string.Empty)}"),
            OrderBookDelta d => FormattableString.Invariant($"{at} delta {d.Symbol} {d.PreviousUpdateId}->{d.UpdateId} {d.Bids.Length} bids / {d.Asks.Length} asks"),
            Bar b => FormattableString.Invariant($"{at} bar {b.Symbol} {b.Interval} o {b.Open} h {b.High} l {b.Low} c {b.Close} v {b.Volume}"),
            _ => $"{at} {marketEvent.GetType().Name} {marketEvent.Symbol}",
        };
    }
}
