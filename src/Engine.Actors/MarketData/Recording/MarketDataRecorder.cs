using System.IO.Compression;
using System.Text.Json;
using System.Threading.Channels;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData.Recording;

/// <summary>
/// Appends one feed's events to its daily files without ever blocking the feed: <see cref="TryRecord"/> queues into a
/// bounded channel (a full queue drops the event and counts it) and one writer task writes them, in order, as gzip
/// JSON lines. Each time a day file is opened a new gzip member starts with a <see cref="RecordHeader"/> line, so a
/// file appended to by several runs stays one readable stream. The writer flushes whenever the queue runs empty.
/// <see cref="TryRecord"/> is safe from one thread (the feed actor); <see cref="DisposeAsync"/> drains and closes.
/// </summary>
public sealed class MarketDataRecorder : IAsyncDisposable
{
    private readonly Channel<IMarketDataEvent> _queue;
    private readonly string _folder;
    private readonly string _feed;
    private readonly string _venue;
    private readonly TimeProvider _time;
    private readonly Task _writer;
    private long _dropped;

    /// <summary>Starts the writer for <paramref name="feed"/> under <paramref name="options"/>' path.</summary>
    public MarketDataRecorder(RecordOptions options, string feed, string venue, TimeProvider time)
    {
        _queue = Channel.CreateBounded<IMarketDataEvent>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _folder = System.IO.Path.Combine(options.Path, feed);
        _feed = feed;
        _venue = venue;
        _time = time;
        Directory.CreateDirectory(_folder);
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Events dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The writer's failure, if it stopped on one (the feed keeps running; recording has stopped).</summary>
    public Exception? Failure => _writer.IsFaulted ? _writer.Exception?.GetBaseException() : null;

    /// <summary>The file of <paramref name="feed"/> for the UTC day of <paramref name="at"/>.</summary>
    public static string FileName(string feed, DateTimeOffset at) => $"{feed}-{at.UtcDateTime:yyyy-MM-dd}.mdj.gz";

    /// <summary>Queues an event; false (and counted) when the queue is full or recording stopped.</summary>
    public bool TryRecord(IMarketDataEvent marketEvent)
    {
        if (_queue.Writer.TryWrite(marketEvent))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _writer;
        }
        catch (IOException)
        {
            // Reported through Failure while running; nothing more to do at shutdown.
        }
    }

    private async Task WriteAsync()
    {
        DateOnly? day = null;
        FileStream? file = null;
        GZipStream? zip = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync())
            {
                while (_queue.Reader.TryRead(out var marketEvent))
                {
                    var eventDay = DateOnly.FromDateTime(marketEvent.ReceivedAt.UtcDateTime);
                    if (zip is null || day != eventDay)
                    {
                        await CloseAsync(zip, file);
                        day = eventDay;
                        file = new FileStream(System.IO.Path.Combine(_folder, FileName(_feed, marketEvent.ReceivedAt)), FileMode.Append, FileAccess.Write, FileShare.Read);
                        zip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true);
                        await WriteLineAsync(zip, JsonSerializer.SerializeToUtf8Bytes(new RecordHeader(RecordHeader.SchemaName, RecordHeader.CurrentVersion, _feed, _venue, _time.GetUtcNow()), RecordJsonContext.Default.RecordHeader));
                    }

                    await WriteLineAsync(zip, JsonSerializer.SerializeToUtf8Bytes(RecordLine.Of(marketEvent), RecordJsonContext.Default.RecordLine));
                }

                await zip!.FlushAsync();
            }
        }
        finally
        {
            await CloseAsync(zip, file);
        }
    }

    private static async Task WriteLineAsync(Stream stream, byte[] line)
    {
        await stream.WriteAsync(line);
        stream.WriteByte((byte)'\n');
    }

    private static async Task CloseAsync(GZipStream? zip, FileStream? file)
    {
        if (zip is not null)
        {
            await zip.DisposeAsync();
        }

        if (file is not null)
        {
            await file.DisposeAsync();
        }
    }
}
