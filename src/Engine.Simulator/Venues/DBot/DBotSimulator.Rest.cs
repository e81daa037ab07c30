using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Engine.Simulator.Venues.DBot;

/// <summary>
/// REST on the trading host (§4): the same calls as the WebSocket over the envelope <c>{"err", "res"}</c>; mutations
/// answer <c>res: ""</c>, creates <c>{"id"}</c>/<c>{"ids"}</c>, lists an array. Paths marked [Inferred] in the reference
/// are guesses: <c>PATCH /automation/follow_orders/wallet</c> for the batch wallet change is the simulator's own.
/// </summary>
public sealed partial class DBotSimulator
{
    private void MapRest(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/automation/follow_order", c => RestAsync(c, "createOrUpdateFollowOrder", BodyAsync));
        endpoints.MapMethods("/automation/follow_order", ["PATCH"], c => RestAsync(c, "updateFollowOrder", BodyAsync));
        endpoints.MapMethods("/automation/follow_orders", ["PATCH"], c => RestAsync(c, "batchToggleFollowOrder", BodyAsync));
        endpoints.MapMethods("/automation/follow_orders/wallet", ["PATCH"], c => RestAsync(c, "batchUpdateFollowOrder", BodyAsync));
        endpoints.MapDelete("/automation/follow_order/{id}", c => RestAsync(c, "deleteFollowOrders", DeleteOneAsync));
        endpoints.MapPost("/automation/follow_order/delete_many", c => RestAsync(c, "deleteFollowOrders", BodyAsync));
        endpoints.MapGet("/automation/follow_orders", c => RestAsync(c, "listFollowOrders", QueryAsync));
        endpoints.MapGet("/automation/pnl_orders_from_follow_order", c => RestAsync(c, "listPnlOrdersFromFollowOrder", QueryAsync));
        endpoints.MapGet("/automation/pnl_orders_from_swap_order", c => RestAsync(c, "listPnlOrdersFromSwapOrder", QueryAsync));
        endpoints.MapPost("/automation/swap_order", c => RestAsync(c, "createSwapOrder", BodyAsync));
        endpoints.MapGet("/automation/swap_orders", c => RestAsync(c, "getSwapOrders", IdListAsync));
        endpoints.MapPost("/automation/limit_orders", c => RestAsync(c, "createLimitOrder", BodyAsync));
        endpoints.MapMethods("/automation/limit_order", ["PATCH"], c => RestAsync(c, "updateLimitOrder", BodyAsync));
        endpoints.MapDelete("/automation/limit_order/delete_all", c => RestAsync(c, "deleteAllLimitOrders", QueryAsync));
        endpoints.MapDelete("/automation/limit_order/{id}", c => RestAsync(c, "deleteLimitOrders", DeleteOneAsync));
        endpoints.MapPost("/automation/limit_order/delete_many", c => RestAsync(c, "deleteLimitOrders", BodyAsync));
        endpoints.MapGet("/automation/limit_orders", c => RestAsync(c, "listLimitOrders", QueryAsync));
        endpoints.MapGet("/account/wallets", WalletsAsync);
    }

    private async Task RestAsync(HttpContext context, string method, Func<HttpContext, Task<JsonObject?>> read)
    {
        if (Authenticate(context) is not { } account)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("401 Unauthorized: missing or unknown X-API-KEY", context.RequestAborted);
            return;
        }

        var parameters = await read(context);
        JsonObject envelope;
        if (parameters is null)
        {
            envelope = new JsonObject { ["err"] = true, ["res"] = "invalid request body: expected a JSON object" };
        }
        else
        {
            lock (gate)
            {
                try
                {
                    var outcome = Call(account, method, parameters, time.GetUtcNow());
                    envelope = new JsonObject { ["err"] = false, ["res"] = outcome.Res?.DeepClone() ?? JsonValue.Create(string.Empty) };
                    Deliver(outcome.Notices);
                }
                catch (DBotCallException ex)
                {
                    envelope = new JsonObject { ["err"] = true, ["res"] = ex.Message };
                }
            }
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(envelope.ToJsonString(), context.RequestAborted);
    }

    private async Task WalletsAsync(HttpContext context)
    {
        if (Authenticate(context) is not { } account)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var type = context.Request.Query["type"].ToString();
        var wallets = account.Wallets
            .Where(w => type.Length == 0 || DBotChainCatalog.Family(w.Chain) == type)
            .Select(w => (JsonNode)new JsonObject { ["id"] = w.Id, ["name"] = w.Name, ["type"] = DBotChainCatalog.Family(w.Chain), ["address"] = w.Address });
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["err"] = false, ["res"] = new JsonArray([.. wallets]) }.ToJsonString(), context.RequestAborted);
    }

    private static async Task<JsonObject?> BodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><c>DELETE .../{id}</c> as a batch of one, with <c>deletePnlOrder</c> from the query.</summary>
    private static Task<JsonObject?> DeleteOneAsync(HttpContext context) => Task.FromResult<JsonObject?>(new JsonObject
    {
        ["ids"] = new JsonArray((string)context.Request.RouteValues["id"]!),
        ["deletePnlOrder"] = string.Equals(context.Request.Query["deletePnlOrder"], "true", StringComparison.Ordinal),
    });

    /// <summary><c>?ids=a,b</c> as an id array.</summary>
    private static Task<JsonObject?> IdListAsync(HttpContext context) => Task.FromResult<JsonObject?>(new JsonObject
    {
        ["ids"] = new JsonArray([.. context.Request.Query["ids"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(i => (JsonNode)JsonValue.Create(i))]),
    });

    private static Task<JsonObject?> QueryAsync(HttpContext context)
    {
        var result = new JsonObject();
        foreach (var (key, value) in context.Request.Query)
        {
            result[key] = value.ToString();
        }

        return Task.FromResult<JsonObject?>(result);
    }
}
