using System.Net;
using System.Text.Json;
using Engine.Simulator.Faults;
using Engine.Simulator.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Simulator.Hosting;

/// <summary>
/// Runs one venue simulator in-process on Kestrel, bound to 127.0.0.1 only (port 0 = ephemeral), together with
/// the loopback-only control API under <c>/_control</c> (guarded by <see cref="LocalControlGuard"/>). Dispose to stop it.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private SimulatorHost(WebApplication app, IVenueSimulator venue, int port)
    {
        this.app = app;
        Venue = venue;
        Port = port;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        WebSocketUri = new Uri($"ws://127.0.0.1:{port}{venue.WebSocketPath}");
    }

    /// <summary>The venue being served.</summary>
    public IVenueSimulator Venue { get; }

    /// <summary>Port actually bound.</summary>
    public int Port { get; }

    /// <summary><c>http://127.0.0.1:PORT/</c>; the control API lives under it.</summary>
    public Uri BaseUri { get; }

    /// <summary>The venue's WebSocket endpoint.</summary>
    public Uri WebSocketUri { get; }

    /// <summary>
    /// Starts <paramref name="venue"/> on 127.0.0.1:<paramref name="port"/>; returns once it accepts connections.
    /// Throws <see cref="System.ComponentModel.DataAnnotations.ValidationException"/> for invalid options and
    /// <see cref="ArgumentException"/> for an unknown venue. With <paramref name="sharedMarket"/> (the run's market, linked
    /// once every venue started) the control API's market commands go through it, so a mid set or a step on this venue
    /// moves every venue listing the same underlying.
    /// </summary>
    public static async Task<SimulatorHost> StartAsync(
        string venue,
        SimulatorOptions options,
        int port = 0,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        SharedMarket? sharedMarket = null,
        CancellationToken cancellationToken = default)
    {
        loggerFactory ??= NullLoggerFactory.Instance;
        SimulatorOptionsValidator.ThrowIfInvalid(options);
        // A simulator started without a clock is a venue in real time: the one place it picks the system clock.
#pragma warning disable RS0030
        var clock = timeProvider ?? TimeProvider.System;
#pragma warning restore RS0030
        var simulator = VenueCatalog.Create(venue, options, clock, loggerFactory);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddRouting();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.UseRouting();
        simulator.MapEndpoints(app);
        MapControl(app, simulator, sharedMarket);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await simulator.DisposeAsync();
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        simulator.Start();
        return new SimulatorHost(app, simulator, new Uri(address).Port);
    }

    /// <summary>A control client for this host; the caller owns <paramref name="http"/> (a new one is made when null and disposed with the client).</summary>
    public SimulatorControlClient CreateControlClient(HttpClient? http = null) => new(BaseUri, http);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Venue.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static void MapControl(WebApplication app, IVenueSimulator venue, SharedMarket? sharedMarket)
    {
        var control = app.MapGroup("/_control").RequireLocalCaller();

        control.MapGet("/faults", () => Results.Json(venue.Faults.Active, ControlJson.Options));
        control.MapDelete("/faults", () =>
        {
            venue.Faults.Clear();
            return Results.Json(venue.Faults.Active, ControlJson.Options);
        });
        control.MapPost("/faults", async (HttpRequest request) =>
        {
            var rule = await Read<FaultRule>(request);
            if (rule is null)
            {
                return Results.BadRequest("expected a fault rule: {\"kind\":\"drop_reply\",\"op\":\"place_order\",\"count\":1}");
            }

            venue.Faults.Add(rule);
            return Results.Json(venue.Faults.Active, ControlJson.Options);
        });
        control.MapGet("/state", () => Results.Json(venue.GetTruth(), ControlJson.Options));
        control.MapPost("/state", async (HttpRequest request) =>
        {
            var injection = await Read<StateInjection>(request) ?? new StateInjection();
            var reached = await venue.InjectStateAsync(injection, request.HttpContext.RequestAborted);
            return Results.Json(new { logins = reached }, ControlJson.Options);
        });
        control.MapPost("/market", async (HttpRequest request) =>
        {
            var command = await Read<MarketCommand>(request) ?? new MarketCommand { Steps = 1 };
            return MarketProblem(venue, command)
                ?? Results.Json(sharedMarket is null ? venue.ApplyMarket(command) : sharedMarket.Apply(venue, command), ControlJson.Options);
        });
        control.MapGet("/quirks", () => Results.Json(venue.GetQuirks(), ControlJson.Options));
        control.MapPost("/quirks", async (HttpRequest request) =>
        {
            var json = await Read<JsonElement>(request);
            return venue.SetQuirks(json) ? Results.Json(venue.GetQuirks(), ControlJson.Options) : Results.BadRequest("expected the venue's quirk switches");
        });
    }

    /// <summary>A market command naming an unknown symbol (404) or a mid that is not positive, or a mid without a symbol (400).</summary>
    private static IResult? MarketProblem(IVenueSimulator venue, MarketCommand command)
    {
        if (command.Mid is { } mid && mid <= 0m)
        {
            return Results.BadRequest($"mid must be positive, got {mid}");
        }

        if (command.Symbol is null)
        {
            return command.Mid is null ? null : Results.BadRequest("a mid needs the symbol it is for");
        }

        // A command without a symbol and steps changes nothing and answers the current mids: the venue's symbols.
        var symbols = venue.ApplyMarket(new MarketCommand()).Keys;
        return symbols.Contains(command.Symbol, StringComparer.Ordinal)
            ? null
            : Results.NotFound($"unknown symbol '{command.Symbol}'; this venue quotes: {string.Join(", ", symbols)}");
    }

    private static async Task<T?> Read<T>(HttpRequest request)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, ControlJson.Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
