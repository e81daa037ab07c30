namespace Engine.Actors.Venues.DBot;

/// <summary>Names on DBot's trading WebSocket (reference §2): envelope methods, RPC methods and trade-result states.</summary>
public static class DBotWire
{
    /// <summary>Server → client: the answer to an RPC, matched by <c>id</c>.</summary>
    public const string RpcResponse = "rpcResponse";

    /// <summary>Server → client: the answer to <see cref="SubscribeTradeResults"/> (no id).</summary>
    public const string SubscribeResponse = "subscribeResponse";

    /// <summary>Server → client: one trade result (no id).</summary>
    public const string TradeResultNotify = "tradeResultNotify";

    /// <summary>Client → server: subscribe (no id, no params; the filter is a top-level field).</summary>
    public const string SubscribeTradeResults = "subscribeTradeResults";

    /// <summary>Create (no id) or edit (with id; the whole object) a follow order.</summary>
    public const string CreateOrUpdateFollowOrder = "createOrUpdateFollowOrder";

    /// <summary>Enable or disable one follow order.</summary>
    public const string UpdateFollowOrder = "updateFollowOrder";

    /// <summary>Enable or disable many follow orders (the seed's method).</summary>
    public const string BatchToggleFollowOrder = "batchToggleFollowOrder";

    /// <summary>Change the wallet of many follow orders.</summary>
    public const string BatchUpdateFollowOrder = "batchUpdateFollowOrder";

    /// <summary>Delete many follow orders (<c>ids</c>).</summary>
    public const string DeleteFollowOrders = "deleteFollowOrders";

    /// <summary>List follow orders (0-based pages of at most 20).</summary>
    public const string ListFollowOrders = "listFollowOrders";

    /// <summary>List the TP/SL tasks follow orders created.</summary>
    public const string ListPnlOrdersFromFollowOrder = "listPnlOrdersFromFollowOrder";

    /// <summary>Create a fast swap.</summary>
    public const string CreateSwapOrder = "createSwapOrder";

    /// <summary>Read one fast swap.</summary>
    public const string GetSwapOrder = "getSwapOrder";

    /// <summary>Create limit orders (one task per setting; REST answers <c>res: {ids}</c>, the simulator mirrors it).</summary>
    public const string CreateLimitOrder = "createLimitOrder";

    /// <summary>Change one limit order or TP/SL task (the fields given).</summary>
    public const string UpdateLimitOrder = "updateLimitOrder";

    /// <summary>List limit orders and TP/SL tasks (0-based pages of at most 20).</summary>
    public const string ListLimitOrders = "listLimitOrders";

    /// <summary>Delete limit orders or TP/SL tasks (<c>ids</c>).</summary>
    public const string DeleteLimitOrders = "deleteLimitOrders";

    /// <summary>The page size the adapter asks for (DBot's maximum).</summary>
    public const int PageSize = 20;
}
