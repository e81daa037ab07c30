using System.Collections.Immutable;
using Engine.Actors.Connections;
using Engine.Actors.Venues.DBot;
using Engine.Messages.Identifiers;
using Engine.Messages.Tasks;
using Engine.Simulator.Hosting;
using Engine.Simulator.Venues.DBot;
using SimOptions = Engine.Simulator.Venues.DBot.DBotOptions;

namespace Engine.Actors.Tests.Scenarios.DBot;

/// <summary>
/// <see cref="ScenarioBase"/> with the DBot behaviour and the login's task book against the DBot simulator, which runs
/// on the engine's virtual clock with manual chain activity (tests make leaders trade) and no failed trades.
/// </summary>
public abstract class DBotScenarioBase : ScenarioBase
{
    protected const string Leader = "4Be9CvxqHW6BYiRAxW9Q3xu1ycTMWaL5z8NX4HR3ha7t";

    private int _commands;

    protected DBotScenarioBase()
        : base(LoginOptions.DBotVenue, new LoginId("dbot-1"), new Symbol("unused"), advanceSteps: 30)
    {
    }

    protected override TimeProvider? SimulatorClock => Clock;

    protected DBotSimulator Venue => (DBotSimulator)Simulator.Host.Venue;

    protected virtual SimOptions SimulatorVenueOptions => new() { ActivityInterval = TimeSpan.Zero, FailRate = 0, IdleTimeout = TimeSpan.FromHours(1) };

    protected LoginOptions DBotLogin(string apiKey = "demo-dbot-key") => ScenarioLogin() with
    {
        DBot = new Engine.Actors.Venues.DBot.DBotOptions { Url = Simulator.WebSocketUri, ApiKey = apiKey, RequestTimeout = TimeSpan.FromSeconds(5) },
    };

    protected override SimulatorOptions CreateSimulatorOptions() => new() { DBot = SimulatorVenueOptions };

    protected override LoginOptions DefaultLogin() => DBotLogin();

    /// <summary>Every login must be valid; DBot needs no other change.</summary>
    protected override ConnectionsSettings ForVenue(ConnectionsSettings settings) => Validated(settings);

    protected TaskCommandId NextId() => new($"cmd-{++_commands}");

    protected static FollowOrderSpec Spec(string name, bool enabled = true) =>
        new(name, "solana", "sol-main", [Leader], 0.5m, enabled) { StopEarnPercent = 0.5m, BuySettings = ImmutableDictionary<string, string>.Empty.Add("maxSlippage", "0.2") };

    /// <summary>Sends <paramref name="command"/> as a strategy would and returns the event that ends it (or the unknown mark).</summary>
    protected T Command<T>(ITaskCommand command)
        where T : ITaskCommandEvent
    {
        Connections.Tell(command, Strategy.Ref);
        return Events.FishForMessage<T>(e => e.CommandId == command.CommandId, Wait);
    }

    protected string CreateFollowOrder(string name, bool enabled = true) =>
        Assert.Single(Command<TaskCommandAccepted>(new CreateFollowOrder(Login, NextId(), UtcNow, Spec(name, enabled))).TaskIds);

    protected IReadOnlyList<FollowOrder> List()
    {
        Connections.Tell(new ListFollowOrders(Login, UtcNow), Strategy.Ref);
        return Strategy.ExpectMsg<FollowOrdersListed>(Wait).Orders;
    }
}
