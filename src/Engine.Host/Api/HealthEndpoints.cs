using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Engine.Host.Api;

/// <summary>
/// <c>/health/live</c>: the process serves HTTP (200). <c>/health/ready</c>: 200 when the journal takes a write (a probe
/// event written and committed, <see cref="Engine.Actors.Monitoring.JournalProbeActor"/>) and every enabled login is
/// Ready, else 503 with the problems. Neither needs the token (the Docker healthcheck calls them).
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Maps the routes on <paramref name="app"/>.</summary>
    public static void Map(IEndpointRouteBuilder app, EngineGateway gateway)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(gateway);
        app.MapGet("/health/live", () => Results.Json(new ApiHealth("live", []), ApiJsonContext.Default.ApiHealth));
        app.MapGet("/health/ready", async (CancellationToken ct) =>
        {
            var problems = await gateway.ReadinessProblemsAsync(ct);
            return problems.IsEmpty
                ? Results.Json(new ApiHealth("ready", problems), ApiJsonContext.Default.ApiHealth)
                : Results.Json(new ApiHealth("not ready", problems), ApiJsonContext.Default.ApiHealth, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }
}
