namespace Engine.Actors.Orders;

/// <summary>
/// The column of the order lifecycle table. Every <c>IOrderEvent</c> maps to exactly one kind
/// (<see cref="OrderEventKinds.Of"/>); status reports map by the status they report.
/// </summary>
public enum OrderEventKind
{
    /// <summary>The order was recorded before sending.</summary>
    Submitted,

    /// <summary>The venue accepted the order or reports it working.</summary>
    Accepted,

    /// <summary>Local validation or the venue refused the order.</summary>
    Rejected,

    /// <summary>A fill or report that leaves part of the order working.</summary>
    PartiallyFilled,

    /// <summary>A fill or report that completes the order.</summary>
    Filled,

    /// <summary>The engine asked the venue to cancel.</summary>
    CancelRequested,

    /// <summary>The venue refused the cancel.</summary>
    CancelRejected,

    /// <summary>The venue canceled the order.</summary>
    Canceled,

    /// <summary>The order ended by its time in force.</summary>
    Expired,

    /// <summary>The outcome of a request is not known (timeout, disconnect).</summary>
    StatusUnknown,
}
