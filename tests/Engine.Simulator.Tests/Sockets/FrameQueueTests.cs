using Engine.Simulator.Sockets;

namespace Engine.Simulator.Tests.Sockets;

/// <summary>
/// A session's outgoing frames: queued from many threads without a lock, read by one writer in each queuer's order,
/// none lost while the writer sleeps and wakes, and after completion the reader ends with what was queued before.
/// </summary>
public sealed class FrameQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Frames_from_many_threads_all_arrive_once_each_thread_in_its_own_order()
    {
        const int Threads = 4;
        const int PerThread = 20_000;
        var queue = new FrameQueue();
        var reader = Task.Run(async () =>
        {
            var last = Enumerable.Repeat(-1, Threads).ToArray();
            var count = 0;
            await foreach (var frame in queue.ReadAllAsync(CancellationToken.None))
            {
                var (thread, index) = (frame[0], BitConverter.ToInt32(frame, 1));
                Assert.Equal(last[thread] + 1, index);
                last[thread] = index;
                count++;
            }

            return count;
        });

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                Assert.True(queue.TryWrite([(byte)t, .. BitConverter.GetBytes(i)]));
                if (i % 1_000 == 0)
                {
                    // Let the writer run dry and sleep now and then, so wake-ups are exercised, not only a busy reader.
                    await Task.Delay(1);
                }
            }
        })));
        queue.Complete();

        Assert.Equal(Threads * PerThread, await reader.WaitAsync(Patience));
    }

    [Fact]
    public async Task After_completion_nothing_is_queued_and_the_reader_ends_with_what_came_before()
    {
        var queue = new FrameQueue();
        Assert.True(queue.TryWrite([1]));
        Assert.True(queue.TryWrite([2]));
        queue.Complete();
        Assert.False(queue.TryWrite([3]));

        var read = new List<byte>();
        await foreach (var frame in queue.ReadAllAsync(CancellationToken.None).WithCancellation(new CancellationTokenSource(Patience).Token))
        {
            read.Add(frame[0]);
        }

        Assert.Equal([1, 2], read);
    }

    [Fact]
    public async Task A_waiting_reader_wakes_for_a_frame_and_for_the_completion()
    {
        var queue = new FrameQueue();
        await using var frames = queue.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        var first = frames.MoveNextAsync().AsTask();
        await Task.Delay(50);
        Assert.False(first.IsCompleted);

        queue.TryWrite([7]);
        Assert.True(await first.WaitAsync(Patience));
        Assert.Equal(7, frames.Current[0]);

        var end = frames.MoveNextAsync().AsTask();
        await Task.Delay(50);
        Assert.False(end.IsCompleted);
        queue.Complete();
        Assert.False(await end.WaitAsync(Patience));
    }
}
