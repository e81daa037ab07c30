using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Engine.Actors.Risk;
using Engine.Host.Cluster;
using Engine.Messages.Identifiers;
using Engine.Messages.Risk;

namespace Engine.Cluster.Tests;

/// <summary>
/// The risk messages that cross nodes in a cluster (subscription, snapshots, state changes, commands, questions, the
/// client's locate) survive the serializers remoting picks for them on a cluster node, field by field: Akka's default
/// JSON for most, <see cref="RiskSingletonSerializer"/> for the snapshot and the status (which the default loses).
/// </summary>
public sealed class RiskSingletonSerializationTests : IDisposable
{
    private static readonly RiskOptions Options = new()
    {
        Logins = [new RiskLimits { Name = "rk-1", MaxOrderQuantity = 1.5m, MaxDailyLoss = 250.25m, MaxOrders = 7, RateWindow = TimeSpan.FromSeconds(3) }],
        Strategies = [new RiskLimits { Name = "mm", MaxNetPosition = 0.01m }],
        Symbols = [new RiskLimits { Name = "BTC/USDT", PriceBand = 5m }],
        HaltCancelsWorkingOrders = false,
        MaxConsecutiveRejects = 4,
        LoginNotReadyHaltAfter = TimeSpan.FromSeconds(90),
    };

    private readonly ActorSystem _system = ActorSystem.Create("engine", ConfigurationFactory.ParseString("""
        akka {
          loglevel = OFF
          actor.provider = remote
          remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
        }
        """).WithFallback(RiskSingletonSerializer.Config));

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    [Fact]
    public void A_snapshot_keeps_its_limits_states_marks_and_daily_pnl()
    {
        var snapshot = new RiskSnapshot(
            Options,
            ImmutableDictionary<RiskScope, TradingState>.Empty.Add(RiskScope.Engine, TradingState.Halted).Add(RiskScope.OfLogin("rk-1"), TradingState.Reducing),
            ImmutableDictionary<Symbol, decimal>.Empty.Add(new Symbol("BTC/USDT"), 50_000.125m),
            ImmutableDictionary<RiskScope, decimal>.Empty.Add(RiskScope.OfLogin("rk-1"), -12.5m));

        var back = RoundTrip(snapshot);

        AssertOptions(back.Options);
        Assert.Equal(TradingState.Halted, back.StateOf(RiskScope.Engine));
        Assert.Equal(TradingState.Reducing, back.StateOf(RiskScope.OfLogin("rk-1")));
        Assert.Equal(TradingState.Active, back.StateOf(RiskScope.OfStrategy("mm")));
        Assert.Equal(2, back.States.Count);
        Assert.Equal(50_000.125m, back.MarkOf(new LoginId("rk-1"), new Symbol("BTC/USDT")));
        Assert.Equal(-12.5m, Assert.Single(back.DailyPnl, p => p.Key == RiskScope.OfLogin("rk-1")).Value);
        Assert.Null(back.Feed);
    }

    [Fact]
    public void Subscriptions_commands_answers_and_events_keep_their_fields()
    {
        var at = new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(new SubscribeRisk(new LoginId("rk-2")), RoundTrip(new SubscribeRisk(new LoginId("rk-2"))));
        var command = new SetTradingState(RiskScope.OfStrategy("mm"), TradingState.Halted, at, "ops", "test", CancelWorkingOrders: true);
        Assert.Equal(command, RoundTrip(command));
        var changed = new TradingStateChanged(RiskScope.OfLogin("rk-1"), at, TradingState.Active, TradingState.Halted, "risk", "daily loss", CancelWorkingOrders: true);
        Assert.Equal(changed, RoundTrip(changed));
        var unchanged = new TradingStateUnchanged(RiskScope.OfSymbol("BTC/USDT"), TradingState.Halted, "symbol:BTC/USDT has no trading state");
        Assert.Equal(unchanged, RoundTrip(unchanged));
        Assert.IsType<GetRiskStatus>(RoundTrip(GetRiskStatus.Instance));
        Assert.IsType<RiskSingletonLocate>(RoundTrip(RiskSingletonLocate.Instance));
        Assert.IsType<RiskSingletonStop>(RoundTrip(RiskSingletonStop.Instance));
    }

    [Fact]
    public void The_snapshot_and_the_status_are_bound_to_the_risk_serializer()
    {
        Assert.IsType<RiskSingletonSerializer>(_system.Serialization.FindSerializerForType(typeof(RiskSnapshot)));
        Assert.IsType<RiskSingletonSerializer>(_system.Serialization.FindSerializerForType(typeof(RiskStatus)));
    }

    [Fact]
    public void The_locate_answer_and_the_state_change_keep_their_actor_reference_and_address()
    {
        var risk = _system.ActorOf(Props.Empty, "risk-under-test");

        var back = RoundTrip(new RiskSingletonHere(risk));

        Assert.Equal(risk, back.Risk);
        var change = new RiskSingletonStateChange(
            ((ExtendedActorSystem)_system).Provider.DefaultAddress,
            new TradingStateChanged(RiskScope.Engine, DateTimeOffset.UnixEpoch, TradingState.Active, TradingState.Halted, "ops", "test"));
        Assert.Equal(change, RoundTrip(change));
    }

    [Fact]
    public void A_status_keeps_scopes_positions_streaks_and_options()
    {
        var at = new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
        var last = new TradingStateChanged(RiskScope.Engine, at, TradingState.Active, TradingState.Halted, "ops", "test");
        var status = new RiskStatus(
            at,
            [new ScopeStatus("engine", TradingState.Halted, -3m, last), new ScopeStatus("login:rk-1", TradingState.Active, 1.25m, null)],
            [new RiskPosition("rk-1", "mm", "BTC/USDT", 0.02m, 50_000m, -1.5m)],
            ImmutableDictionary<string, int>.Empty.Add("rk-1", 2),
            ImmutableDictionary<string, DateTimeOffset>.Empty.Add("rk-2", at),
            Options);

        var back = RoundTrip(status);

        Assert.Equal(at, back.Timestamp);
        Assert.Equal(status.Scopes.ToList(), back.Scopes.ToList());
        Assert.Equal(status.Positions.ToList(), back.Positions.ToList());
        Assert.Equal(2, back.RejectStreaks["rk-1"]);
        Assert.Equal(at, back.NotReadySince["rk-2"]);
        AssertOptions(back.Options);
    }

    private static void AssertOptions(RiskOptions options)
    {
        Assert.Equal(Options.Logins, options.Logins);
        Assert.Equal(Options.Strategies, options.Strategies);
        Assert.Equal(Options.Symbols, options.Symbols);
        Assert.Equal(Options with { Logins = options.Logins, Strategies = options.Strategies, Symbols = options.Symbols }, options);
    }

    /// <summary>Serializes <paramref name="message"/> as remoting does (serializer, manifest, bytes) and reads it back.</summary>
    private T RoundTrip<T>(T message)
        where T : notnull
    {
        var serialization = _system.Serialization;
        var serializer = serialization.FindSerializerFor(message);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        var bytes = serializer.ToBinary(message);
        return Assert.IsType<T>(serialization.Deserialize(bytes, serializer.Identifier, manifest));
    }
}
