using System.Text.Json;
using Engine.Simulator.Faults;
using Microsoft.AspNetCore.Routing;

namespace Engine.Simulator.Hosting;

/// <summary>A venue served by <see cref="SimulatorHost"/>. Implementations are thread-safe.</summary>
public interface IVenueSimulator : IAsyncDisposable
{
    /// <summary>Venue name as given to <c>engine simulate --venue</c>.</summary>
    string Venue { get; }

    /// <summary>Path of the venue's WebSocket endpoint (e.g. <c>/ws/v1</c>).</summary>
    string WebSocketPath { get; }

    /// <summary>Armed faults.</summary>
    FaultPlan Faults { get; }

    /// <summary>Maps the venue's endpoints.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>Starts timers (market tick, idle checks).</summary>
    void Start();

    /// <summary>Pushes state codes; completes after the last one was queued. Returns the number of logins reached.</summary>
    Task<int> InjectStateAsync(StateInjection injection, CancellationToken cancellationToken);

    /// <summary>Applies a market command; returns the mids after it.</summary>
    IReadOnlyDictionary<string, decimal> ApplyMarket(MarketCommand command);

    /// <summary>
    /// <paramref name="symbols"/> (names as <see cref="ApplyMarket"/> answers them) are priced from outside from now on: a
    /// <see cref="Market.SharedMarket"/> sets their mids through <see cref="ApplyMarket"/> and the venue's own walk no
    /// longer moves them.
    /// </summary>
    void FollowMarket(IReadOnlyCollection<string> symbols);

    /// <summary>What the venue holds: every account's orders, fills and net position (<see cref="VenueTruth"/>).</summary>
    VenueTruth GetTruth();

    /// <summary>Current venue quirk switches as JSON.</summary>
    JsonElement GetQuirks();

    /// <summary>Replaces the venue quirk switches; false when the JSON does not describe them.</summary>
    bool SetQuirks(JsonElement quirks);
}
