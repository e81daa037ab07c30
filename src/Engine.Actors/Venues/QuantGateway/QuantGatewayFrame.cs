namespace Engine.Actors.Venues.QuantGateway;

/// <summary>
/// One quant gateway JSON frame, in either direction: the typed union that
/// <see cref="QuantGatewayCodec"/> decodes to and encodes from. The cases are the nested records of
/// <see cref="QuantGatewayWire"/>. Immutable.
/// </summary>
public abstract record QuantGatewayFrame
{
    /// <summary>When the frame arrived (decoded frames); <c>default</c> for frames built to be sent. Never encoded.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
