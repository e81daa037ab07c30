namespace Engine.Kernel.Actors;

/// <summary>Turns task completion into a message: the safe way to bring async results back into an actor.</summary>
public static class PipeToExtensions
{
    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/> its result (mapped by
    /// <paramref name="success"/>) or <see cref="Status.Failure"/> (or <paramref name="failure"/>'s message).
    /// </summary>
    public static Task PipeTo<T>(
        this Task<T> task,
        IActorRef recipient,
        IActorRef? sender = null,
        Func<T, object>? success = null,
        Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    object? message = success is null ? t.Result : success(t.Result);
                    recipient.Tell(message ?? new Status.Success(null), sender ?? ActorRefs.Nobody);
                }
                else
                {
                    var error = Unwrap(t);
                    recipient.Tell(failure is null ? new Status.Failure(error) : failure(error), sender ?? ActorRefs.Nobody);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>When <paramref name="task"/> completes, tells <see cref="Status.Success"/> or <see cref="Status.Failure"/>.</summary>
    public static Task PipeTo(this Task task, IActorRef recipient, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            t => recipient.Tell(
                t.IsCompletedSuccessfully ? new Status.Success(null) : new Status.Failure(Unwrap(t)),
                sender ?? ActorRefs.Nobody),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static Exception Unwrap(Task task) =>
        task.IsCanceled
            ? new TaskCanceledException(task)
            : task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
}
