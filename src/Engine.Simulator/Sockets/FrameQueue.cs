using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Engine.Simulator.Sockets;

/// <summary>
/// The outgoing frames of one <see cref="SocketSession"/>: any thread queues, one writer loop reads, in queue order.
/// Queueing takes no lock (a venue queues a reply and its notifications while the writer is sending the previous ones;
/// a channel's lock made those two spin against each other): only the first frame after the writer ran dry wakes it.
/// After <see cref="Complete"/> nothing more is queued, and the reader ends once it has read what was queued before.
/// </summary>
internal sealed class FrameQueue
{
    private readonly ConcurrentQueue<byte[]> frames = new();
    private TaskCompletionSource? waiter;
    private int wakePending;
    private volatile bool completed;

    /// <summary>Queues <paramref name="frame"/>; false (dropped) once completed.</summary>
    public bool TryWrite(byte[] frame)
    {
        if (completed)
        {
            return false;
        }

        frames.Enqueue(frame);
        Wake();
        return true;
    }

    /// <summary>No more frames: the reader ends after those already queued.</summary>
    public void Complete()
    {
        completed = true;
        Wake();
    }

    /// <summary>The queued frames, waiting for more until <see cref="Complete"/>; for the single writer loop.</summary>
    public async IAsyncEnumerable<byte[]> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            // Read the completion before draining: a frame queued before it was set is drained below.
            var done = completed;
            while (frames.TryDequeue(out var frame))
            {
                yield return frame;
            }

            if (done)
            {
                yield break;
            }

            // Ready to wait, then re-check: a frame queued before the flag was cleared did not wake anyone, but is seen
            // here; one queued after it completes this waiter.
            var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref waiter, next);
            Interlocked.Exchange(ref wakePending, 0); // a full fence: the clear is seen before the queue is looked at
            if (frames.IsEmpty && !completed)
            {
                await next.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Wake()
    {
        if (Interlocked.Exchange(ref wakePending, 1) == 0)
        {
            Volatile.Read(ref waiter)?.TrySetResult();
        }
    }
}
