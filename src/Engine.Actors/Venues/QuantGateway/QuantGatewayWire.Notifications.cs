using System.Collections.Immutable;

namespace Engine.Actors.Venues.QuantGateway;

public static partial class QuantGatewayWire
{
    /// <summary><c>{"op":"pong","ts":…}</c>; <paramref name="TsJson"/> is the raw JSON of the echoed <c>ts</c>.</summary>
    public sealed record Pong(string TsJson) : QuantGatewayFrame;

    /// <summary><c>{"op":"state","token","code","msg"}</c>: login state 1-7 (6 = READY, 1 = fatal).</summary>
    public sealed record State(string Token, int Code, string Msg) : QuantGatewayFrame;

    /// <summary><c>{"op":"error","error_message"}</c>: a synchronous failure that cannot be attributed to any request.</summary>
    public sealed record Error(string ErrorMessage) : QuantGatewayFrame;

    /// <summary>A frame the codec does not understand (not JSON, not an object, unknown op, missing fields); kept for logging.</summary>
    /// <param name="Op">The op when there was a string one.</param>
    /// <param name="Reason">What was wrong, for people.</param>
    public sealed record Unknown(string? Op, string Reason) : QuantGatewayFrame;

    /// <summary><c>notify</c> with topic <c>order</c>.</summary>
    public sealed record OrderNotification(string Token, OrderData Data) : QuantGatewayFrame;

    /// <summary><c>notify</c> with topic <c>fill</c>: one execution, no fee; liquidity null on okex.</summary>
    public sealed record FillNotification(string Token, FillData Data) : QuantGatewayFrame;

    /// <summary><c>notify</c> with topic <c>position</c> (huobi_future and ftx only).</summary>
    public sealed record PositionNotification(string Token, PositionData Data) : QuantGatewayFrame;

    /// <summary><c>notify</c> with topic <c>asset</c>; on huobi only <c>free</c> is meaningful.</summary>
    public sealed record AssetNotification(string Token, ImmutableArray<AssetData> Data) : QuantGatewayFrame;

    /// <summary>One fill; <see cref="Quantity"/> is this fill's amount.</summary>
    public sealed record FillData(
        string? Symbol,
        string OrderNo,
        string FillNo,
        decimal Price,
        decimal Quantity,
        string Side,
        string? Liquidity,
        long? Ctime);
}
