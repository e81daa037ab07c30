using System.Globalization;
using System.Text.Json;
using Engine.Actors.Orders;
using Engine.Actors.Strategies;
using Engine.Messages.Orders;
using Engine.Messages.Risk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Engine.Host.Api;

/// <summary>
/// The <c>/api</c> routes: status, orders, fills, the trading-state commands, cancel-all, and the live event stream the
/// dashboard reads. Bad input gets a 400 problem naming what was wrong and what was expected; an unknown login or
/// strategy a 404.
/// </summary>
public static class ControlApiEndpoints
{
    /// <summary>How often <c>/api/events</c> sends the status.</summary>
    public static readonly TimeSpan EventInterval = TimeSpan.FromSeconds(1);

    /// <summary>Maps the routes on <paramref name="app"/>.</summary>
    public static void Map(IEndpointRouteBuilder app, EngineGateway gateway)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(gateway);
        var api = app.MapGroup("/api");
        api.MapGet("/status", async (CancellationToken ct) => Results.Json(await gateway.StatusAsync(ct), ApiJsonContext.Default.ApiStatus));
        api.MapGet("/orders", async (string? login, string? status, CancellationToken ct) =>
        {
            if (login is not null && !gateway.HasLogin(login))
            {
                return NotFound($"no login '{login}' is configured");
            }

            if (StatusFilter(status) is not { } filter)
            {
                return BadRequest($"status '{status}' is not an order status; expected open, or one of {string.Join(", ", Enum.GetNames<OrderStatus>())}");
            }

            return Results.Json(await gateway.OrdersAsync(login, filter, ct), ApiJsonContext.Default.ApiOrderArray);
        });
        api.MapGet("/fills", async (string? since, CancellationToken ct) =>
        {
            DateTimeOffset? from = null;
            if (since is not null)
            {
                if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return BadRequest($"since '{since}' is not a time; expected ISO 8601 such as 2026-12-06T12:00:00Z");
                }

                from = parsed;
            }

            return Results.Json(await gateway.FillsAsync(from, ct), ApiJsonContext.Default.ApiFillArray);
        });
        api.MapPost("/halt", (HttpRequest r, CancellationToken ct) => SetState(gateway, r, TradingState.Halted, ct));
        api.MapPost("/resume", (HttpRequest r, CancellationToken ct) => SetState(gateway, r, TradingState.Active, ct));
        api.MapPost("/reduce", (HttpRequest r, CancellationToken ct) => SetState(gateway, r, TradingState.Reducing, ct));
        api.MapPost("/logins/{name}/cancel-all", async (string name, CancellationToken ct) => gateway.HasLogin(name)
            ? Results.Json(await gateway.CancelAllAsync(name, ct), ApiJsonContext.Default.ApiCancelAllResult, statusCode: StatusCodes.Status202Accepted)
            : NotFound($"no login '{name}' is configured"));
        api.MapPost("/strategies/{name}/stop", (string name, CancellationToken ct) => StrategyLifecycle(gateway, name, start: false, ct));
        api.MapPost("/strategies/{name}/start", (string name, CancellationToken ct) => StrategyLifecycle(gateway, name, start: true, ct));
        api.MapGet("/events", (HttpContext context, CancellationToken ct) => StreamAsync(gateway, context, ct));
    }

    /// <summary>The order filter of <c>?status=</c>: null for a value that is neither <c>open</c> nor a status.</summary>
    public static Func<OrderState, bool>? StatusFilter(string? status)
    {
        if (string.IsNullOrEmpty(status))
        {
            return _ => true;
        }

        if (string.Equals(status, "open", StringComparison.OrdinalIgnoreCase))
        {
            return o => OrderLifecycle.IsWorking(o.Status);
        }

        return Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var wanted) && Enum.IsDefined(wanted) && !int.TryParse(status, out _)
            ? o => o.Status == wanted
            : null;
    }

    private static async Task<IResult> SetState(EngineGateway gateway, HttpRequest request, TradingState state, CancellationToken ct)
    {
        ApiStateCommand command;
        try
        {
            command = request.ContentLength is 0 ? new ApiStateCommand() : await JsonSerializer.DeserializeAsync(request.Body, ApiJsonContext.Default.ApiStateCommand, ct) ?? new ApiStateCommand();
        }
        catch (JsonException ex)
        {
            return BadRequest($"the body is not a state command: {ex.Message}; expected {{\"login\": ..., \"strategy\": ..., \"reason\": ..., \"cancel\": true|false}}");
        }

        if (command.Login is not null && command.Strategy is not null)
        {
            return BadRequest("name a login or a strategy, not both (neither: the whole engine)");
        }

        if (command.Login is { } login && !gateway.HasLogin(login))
        {
            return NotFound($"no login '{login}' is configured");
        }

        if (command.Strategy is { } strategy && !gateway.HasStrategy(strategy))
        {
            return NotFound($"no strategy '{strategy}' is configured");
        }

        var scope = command.Login is not null ? RiskScope.OfLogin(command.Login)
            : command.Strategy is not null ? RiskScope.OfStrategy(command.Strategy)
            : RiskScope.Engine;
        var by = string.IsNullOrWhiteSpace(command.By) ? "api" : command.By.Trim();
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? $"{state} requested through the API" : command.Reason.Trim();
        var result = await gateway.SetStateAsync(scope, state, by, reason, command.Cancel, ct);
        return Results.Json(result, ApiJsonContext.Default.ApiStateResult);
    }

    private static async Task<IResult> StrategyLifecycle(EngineGateway gateway, string name, bool start, CancellationToken ct)
    {
        if (!gateway.HasStrategy(name))
        {
            return NotFound($"no strategy '{name}' is configured");
        }

        var verb = start ? "start" : "stop";
        var result = await gateway.ControlStrategyAsync(name, start, "stopped through the API", ct);
        return result.Done
            ? Results.Json(new ApiStrategyResult(name, verb, result.Detail), ApiJsonContext.Default.ApiStrategyResult)
            : Results.Problem(result.Detail, statusCode: StatusCodes.Status409Conflict, title: $"Strategy {verb} refused");
    }

    private static async Task StreamAsync(EngineGateway gateway, HttpContext context, CancellationToken ct)
    {
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var status = await gateway.StatusAsync(ct);
                await context.Response.WriteAsync("event: status\ndata: ", ct);
                await context.Response.WriteAsync(JsonSerializer.Serialize(status, ApiJsonContext.Default.ApiStatus), ct);
                await context.Response.WriteAsync("\n\n", ct);
                await context.Response.Body.FlushAsync(ct);
                await Task.Delay(EventInterval, gateway.Time, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
    }

    private static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    private static IResult NotFound(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
