namespace Engine.Kernel.Actors;

/// <summary>Outcome messages used by <c>PipeTo</c> and understood by <c>Ask</c> (a failure fails the ask).</summary>
public abstract record Status
{
    private protected Status()
    {
    }

#pragma warning disable CA1034 // Akka vocabulary: Status.Success / Status.Failure read as one name.
    /// <summary>A successful completion with an optional value.</summary>
    public sealed record Success(object? Value) : Status;

    /// <summary>A failed completion.</summary>
    public sealed record Failure(Exception Cause) : Status;
#pragma warning restore CA1034
}
