namespace Engine.Actors.Venues.Binance;

/// <summary>
/// One Binance WebSocket API JSON frame, in either direction: the typed union that <see cref="BinanceCodec"/>
/// decodes to and encodes from. The cases are the nested records of <see cref="BinanceWire"/>. Immutable.
/// </summary>
public abstract record BinanceFrame
{
    /// <summary>When the frame arrived (decoded frames); <c>default</c> for frames built to be sent. Never encoded.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
