namespace Engine.Actors.Venues.QuantGateway;

/// <summary>
/// The quant gateway's wire records, field for field as <c>docs/protocols/quant-gateway.md</c> names them
/// (snake_case on the wire, case-sensitive). Requests, replies and notifications live in the partial files
/// <c>QuantGatewayWire.Requests.cs</c>, <c>.Replies.cs</c> and <c>.Notifications.cs</c>. Numbers are
/// <see cref="decimal"/>; nullable where the reference says the server sends null or omits the field.
/// </summary>
public static partial class QuantGatewayWire
{
    /// <summary>Wire value of <c>action</c>/<c>side</c> for a buy.</summary>
    public const string Buy = "BUY";

    /// <summary>Wire value of <c>action</c>/<c>side</c> for a sell.</summary>
    public const string Sell = "SELL";

    /// <summary>Request and reply op names.</summary>
    public static class Ops
    {
        /// <summary>Keep-alive request.</summary>
        public const string Ping = "ping";

        /// <summary>Keep-alive reply.</summary>
        public const string Pong = "pong";

        /// <summary>Log in one exchange account.</summary>
        public const string Login = "login";

        /// <summary>Log out a token.</summary>
        public const string Logout = "logout";

        /// <summary>Place an order.</summary>
        public const string PlaceOrder = "place_order";

        /// <summary>Cancel orders by id (an empty list cancels all for the symbol).</summary>
        public const string CancelOrder = "cancel_order";

        /// <summary>List open orders of a symbol.</summary>
        public const string OpenOrders = "open_orders";

        /// <summary>List balances.</summary>
        public const string Asset = "asset";

        /// <summary>Futures position of a symbol.</summary>
        public const string Position = "position";

        /// <summary>Trading rules of a symbol.</summary>
        public const string SymbolInfo = "symbol_info";

        /// <summary>Push notification.</summary>
        public const string Notify = "notify";

        /// <summary>Login state notification.</summary>
        public const string State = "state";

        /// <summary>Unattributable synchronous error.</summary>
        public const string Error = "error";
    }
}
