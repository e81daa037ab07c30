using Engine.Persistence.Journal;

namespace Engine.Kernel.Tests.Persistence.Support;

/// <summary>Builds recognisable events: payload and timestamp derive from (pid, seq).</summary>
internal static class TestEvents
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static PersistentRepr Event(string pid, long seq, params string[] tags) =>
        new(pid, seq, "test-event.v1", $"{{\"pid\":\"{pid}\",\"seq\":{seq}}}", tags, Epoch.AddTicks((seq * 10_000_001) + 7), "test-writer");

    public static AtomicWrite Write(string pid, long from, int count, params string[] tags) =>
        new([.. Enumerable.Range(0, count).Select(i => Event(pid, from + i, tags))]);

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>Collects the first <paramref name="count"/> items of a live stream, failing after a generous timeout.</summary>
    public static async Task<List<T>> TakeAsync<T>(this IAsyncEnumerable<T> source, int count)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var list = new List<T>();
        await foreach (var item in source.WithCancellation(cts.Token))
        {
            list.Add(item);
            if (list.Count == count)
            {
                break;
            }
        }

        return list;
    }
}
