namespace Engine.Actors.Orders;

/// <summary>What applying an event to an order did.</summary>
public enum TransitionOutcome
{
    /// <summary>The event is a new fact; the order changed (its status may stay the same).</summary>
    Applied,

    /// <summary>A duplicate or a stale report that real venues produce; the order is unchanged and nothing is wrong.</summary>
    Ignored,

    /// <summary>A forbidden combination; the order is unchanged and the event must be reported (audit violation).</summary>
    Invalid,
}
