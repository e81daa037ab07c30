namespace Engine.Kernel.Actors.Scheduling;

/// <summary>A scheduled delivery that can be cancelled; after <see cref="Cancel"/> returns, no further delivery starts.</summary>
public interface ICancelable
{
    /// <summary>True once cancelled.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>Cancels; idempotent and thread-safe.</summary>
    void Cancel();
}
