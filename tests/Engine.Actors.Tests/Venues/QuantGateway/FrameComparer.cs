using Engine.Actors.Venues.QuantGateway;

namespace Engine.Actors.Tests.Venues.QuantGateway;

/// <summary>Compares frames by their encoded JSON (records holding immutable arrays compare arrays by reference).</summary>
internal sealed class FrameComparer : IEqualityComparer<QuantGatewayFrame>
{
    public static readonly FrameComparer Instance = new();

    public bool Equals(QuantGatewayFrame? x, QuantGatewayFrame? y) =>
        x is not null && y is not null && x.GetType() == y.GetType() && x.ReceivedAt == y.ReceivedAt
        && QuantGatewayCodec.EncodeToArray(x).AsSpan().SequenceEqual(QuantGatewayCodec.EncodeToArray(y));

    public int GetHashCode(QuantGatewayFrame obj) => obj.GetType().GetHashCode();
}
