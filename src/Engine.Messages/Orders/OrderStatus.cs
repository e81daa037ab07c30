namespace Engine.Messages.Orders;

/// <summary>
/// The engine's unified order status. Terminal: <see cref="Filled"/>, <see cref="Canceled"/>,
/// <see cref="Rejected"/>, <see cref="Expired"/>. <see cref="Unknown"/> is not terminal: it means the
/// outcome of a request is not known (timeout, disconnect) and is resolved by asking the venue.
/// </summary>
public enum OrderStatus
{
    /// <summary>Recorded by the engine (write-ahead); nothing has been sent yet.</summary>
    PendingSubmit,

    /// <summary>Sent to the venue; no answer yet.</summary>
    Submitted,

    /// <summary>The venue accepted the order and it is working.</summary>
    Accepted,

    /// <summary>Some but not all of the quantity has been filled; still working.</summary>
    PartiallyFilled,

    /// <summary>Completely filled. Terminal.</summary>
    Filled,

    /// <summary>A cancel request was sent; the order may still fill.</summary>
    PendingCancel,

    /// <summary>Canceled, possibly after partial fills. Terminal.</summary>
    Canceled,

    /// <summary>Refused by the venue or by local validation. Terminal.</summary>
    Rejected,

    /// <summary>Ended by its time in force (IOC remainder, FOK miss, expiry). Terminal.</summary>
    Expired,

    /// <summary>The outcome of the last request is not known; the venue must be asked.</summary>
    Unknown,
}
