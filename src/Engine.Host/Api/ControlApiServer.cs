using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engine.Host.Api;

/// <summary>
/// The engine's HTTP surface on Kestrel: the control API (<c>/api/*</c>), the dashboard (<c>/</c>), the Prometheus scrape
/// (<c>/metrics</c>) and the health checks (<c>/health/live</c>, <c>/health/ready</c>). Every request passes
/// <see cref="ApiSecurity.Check"/> first; errors are problem details (RFC 9457); bodies are source-generated JSON
/// (<see cref="ApiJsonContext"/>). Bound to loopback unless configured otherwise, and then only with a bearer token.
/// </summary>
public sealed class ControlApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ControlApiServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where it listens (the dashboard's address).</summary>
    public Uri Address { get; }

    /// <summary>
    /// Starts serving <paramref name="gateway"/> as <paramref name="options"/> say, with <paramref name="token"/> (null or
    /// empty: none). Throws <see cref="InvalidOperationException"/> when the binding needs a token and has none.
    /// </summary>
    public static async Task<ControlApiServer> StartAsync(
        ApiOptions options, string? token, EngineGateway gateway, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (ApiSecurity.StartupError(options, token) is { } error)
        {
            throw new InvalidOperationException(error);
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        var address = ApiSecurity.IsLoopback(options.Host) && !IPAddress.TryParse(options.Host, out _) ? IPAddress.Loopback : IPAddress.Parse(options.Host);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(address, options.Port));
        builder.Services.AddRouting();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        EngineTelemetry.Add(builder.Services);
        var app = builder.Build();
        var loopback = IPAddress.IsLoopback(address);
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var path = request.Path.Value ?? "/";
            var needsToken = path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/metrics", StringComparison.Ordinal);
            var verdict = ApiSecurity.Check(
                new ApiRequest(request.Method, request.Headers.Host.ToString(), request.Headers.Origin.FirstOrDefault(), request.ContentType, request.Headers.Authorization.FirstOrDefault(), request.Query["access_token"].FirstOrDefault(), needsToken),
                loopback,
                token);
            if (verdict is { } refused)
            {
                await Results.Problem(refused.Detail, statusCode: refused.Status, title: refused.Title).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        app.UseRouting();
        app.MapPrometheusScrapingEndpoint();
        ControlApiEndpoints.Map(app, gateway);
        HealthEndpoints.Map(app, gateway);
        Dashboard.DashboardEndpoints.Map(app);
        await app.StartAsync(cancellationToken);
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var shown = new UriBuilder(bound) { Host = IPAddress.Any.Equals(address) || IPAddress.IPv6Any.Equals(address) ? Environment.MachineName : bound.Host }.Uri;
        return new ControlApiServer(app, shown);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
