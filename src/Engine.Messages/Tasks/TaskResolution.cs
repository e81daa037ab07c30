namespace Engine.Messages.Tasks;

/// <summary>What the venue's task list showed about a command whose answer was an error or never came.</summary>
public enum TaskResolution
{
    /// <summary>Everything the command asked for is in effect.</summary>
    Applied,

    /// <summary>Nothing the command asked for is in effect.</summary>
    NotApplied,

    /// <summary>Some of it is in effect (a batch the venue applied in part).</summary>
    Partial,
}
