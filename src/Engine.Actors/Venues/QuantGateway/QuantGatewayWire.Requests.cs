using System.Collections.Immutable;

namespace Engine.Actors.Venues.QuantGateway;

public static partial class QuantGatewayWire
{
    /// <summary>A client request; every request the engine sends carries a unique string <c>cid</c>.</summary>
    public abstract record Request : QuantGatewayFrame
    {
        /// <summary>The correlation id echoed in the reply.</summary>
        public required string Cid { get; init; }
    }

    /// <summary><c>{"op":"ping","ts":…}</c>; <paramref name="TsJson"/> is the raw JSON of <c>ts</c>, echoed verbatim in the pong.</summary>
    public sealed record PingRequest(string TsJson) : QuantGatewayFrame;

    /// <summary><c>login</c>: one exchange account; the secret is only ever written to the wire.</summary>
    public sealed record LoginRequest(string Platform, ImmutableArray<string> Symbols, string AccessKey, string SecretKey) : Request
    {
        /// <summary>Redacts the secret key.</summary>
        public override string ToString() =>
            $"LoginRequest {{ Cid = {Cid}, Platform = {Platform}, Symbols = [{string.Join(", ", Symbols)}], AccessKey = {AccessKey}, SecretKey = *** }}";
    }

    /// <summary><c>logout</c>.</summary>
    public sealed record LogoutRequest(string Token) : Request;

    /// <summary><c>place_order</c>; <paramref name="Quantity"/> is signed on huobi_future (open/close), price 0 for MARKET.</summary>
    public sealed record PlaceOrderRequest(string Token, string Symbol, string Action, decimal Price, decimal Quantity, string OrderType) : Request;

    /// <summary><c>cancel_order</c>; an empty <paramref name="OrderNos"/> cancels every open order of the symbol.</summary>
    public sealed record CancelOrderRequest(string Token, string Symbol, ImmutableArray<string> OrderNos) : Request;

    /// <summary><c>open_orders</c>.</summary>
    public sealed record OpenOrdersRequest(string Token, string Symbol) : Request;

    /// <summary><c>asset</c>.</summary>
    public sealed record AssetRequest(string Token) : Request;

    /// <summary><c>position</c> (futures platforms only: spot never replies).</summary>
    public sealed record PositionRequest(string Token, string Symbol) : Request;

    /// <summary><c>symbol_info</c>.</summary>
    public sealed record SymbolInfoRequest(string Token, string Symbol) : Request;
}
