using System.Runtime.ExceptionServices;
using Engine.Kernel.Actors.Dispatch;

namespace Engine.Kernel.Actors;

/// <summary>ReceiveAsync: the mailbox stays suspended until the handler's task completes.</summary>
internal sealed partial class ActorCell
{
    internal void RunAsync(Func<Task> start)
    {
        var context = new ActorSynchronizationContext(this, _currentMessage!, _currentSender);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = start();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            ThrowIfFailed(task);
            return;
        }

        _flags |= AsyncSuspended;
        Extras.AsyncContext = context;
        task.ContinueWith(
            static (t, state) =>
            {
                var ctx = (ActorSynchronizationContext)state!;
                ctx.Cell.SendSystemMessage(new AsyncCompleted(ctx, t));
            },
            context,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void RunContinuation(AsyncContinuation continuation)
    {
        if (!ReferenceEquals(_extras?.AsyncContext, continuation.Context))
        {
            return;
        }

        _currentMessage = continuation.Context.Message;
        _currentSender = continuation.Context.Sender;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(continuation.Context);
        try
        {
            continuation.Callback(continuation.State);
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e, continuation.Context.Message);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
            _currentMessage = null;
            _currentSender = null;
        }
    }

    private void CompleteAsync(AsyncCompleted completed)
    {
        var extras = _extras;
        if (extras is null || !ReferenceEquals(extras.AsyncContext, completed.Context))
        {
            return;
        }

        extras.AsyncContext = null;
        _flags &= ~AsyncSuspended;
        try
        {
            ThrowIfFailed(completed.Task);
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e, completed.Context.Message);
        }
    }

    private static void ThrowIfFailed(Task task)
    {
        if (task.IsFaulted)
        {
            var error = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
            ExceptionDispatchInfo.Throw(error);
        }

        if (task.IsCanceled)
        {
            throw new TaskCanceledException(task);
        }
    }
}
