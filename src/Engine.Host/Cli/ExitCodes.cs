namespace Engine.Host.Cli;

/// <summary>Process exit codes of the engine CLI.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An invariant was violated (audit) or the engine stopped because of a failure.</summary>
    public const int Failure = 1;

    /// <summary>The configuration could not be loaded or validated.</summary>
    public const int ConfigurationError = 2;

    /// <summary>
    /// <c>engine run</c> stopped, but its drain left orders open or unknown at the venue (each logged at error level with
    /// its client id and venue id), or a login did not drain: check the venue before trading again.
    /// </summary>
    public const int OrdersLeftOpen = 3;
}
