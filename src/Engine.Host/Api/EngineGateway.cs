using System.Collections.Immutable;
using Akka.Actor;
using Engine.Actors.Connections;
using Engine.Actors.Monitoring;
using Engine.Actors.Orders;
using Engine.Actors.Risk;
using Engine.Actors.Strategies;
using Engine.Actors.Supervision;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Risk;

namespace Engine.Host.Api;

/// <summary>
/// What the API asks of the running engine, by asking its actors with a deadline: the status reporter (logins, orders,
/// positions), the risk actor (trading states, marks), the strategy host, the fill tape, the journal. Commands go to
/// the risk actor (states) and the connections actor (cancels). On a cluster node the status also carries the cluster
/// (<see cref="ClusterStatusActor"/>). Thread-safe: it only sends messages.
/// </summary>
public sealed class EngineGateway
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private readonly ActorSystem _system;
    private readonly EngineActors _actors;
    private readonly IReadOnlyList<LoginOptions> _logins;
    private readonly IReadOnlyList<StrategyOptions> _strategies;
    private readonly TimeProvider _time;

    /// <summary>A gateway to <paramref name="actors"/> of <paramref name="system"/>, configured with these logins and strategies.</summary>
    public EngineGateway(ActorSystem system, EngineActors actors, IReadOnlyList<LoginOptions> logins, IReadOnlyList<StrategyOptions> strategies, TimeProvider time)
    {
        _system = system;
        _actors = actors;
        _logins = logins;
        _strategies = strategies;
        _time = time;
    }

    /// <summary>The engine clock's now.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>The time provider of the engine (for the event stream's cadence).</summary>
    public TimeProvider Time => _time;

    /// <summary>Whether a login of this name is configured.</summary>
    public bool HasLogin(string name) => _logins.Any(l => l.Name == name);

    /// <summary>Whether a strategy of this name is configured.</summary>
    public bool HasStrategy(string name) => _strategies.Any(s => s.Name == name);

    /// <summary>Everything <c>GET /api/status</c> shows.</summary>
    public async Task<ApiStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var board = _actors.Status.Ask<StatusSnapshot>(GetStatusSnapshot.Instance, Deadline, cancellationToken);
        var risk = _actors.Risk.Ask<RiskStatus>(GetRiskStatus.Instance, Deadline, cancellationToken);
        var running = RunningAsync(cancellationToken);
        var cluster = _actors.Cluster is { } c
            ? c.Ask<ClusterStatus?>(GetClusterStatus.Instance, Deadline, cancellationToken)
            : Task.FromResult<ClusterStatus?>(null);
        await Task.WhenAll(board, risk, running, cluster);
        return ApiStatusBuilder.Build(Now, _logins, _strategies, board.Result, risk.Result, running.Result, cluster.Result);
    }

    /// <summary>Orders of every login (or of <paramref name="login"/>) whose status passes <paramref name="status"/>.</summary>
    public async Task<ApiOrder[]> OrdersAsync(string? login, Func<OrderState, bool> status, CancellationToken cancellationToken)
    {
        var board = await _actors.Status.Ask<StatusSnapshot>(GetStatusSnapshot.Instance, Deadline, cancellationToken);
        return [.. board.Logins
            .Where(l => login is null || l.Login.Value == login)
            .SelectMany(l => l.Orders)
            .Where(status)
            .OrderBy(o => o.CreatedAt)
            .Select(ApiOrder.Of)];
    }

    /// <summary>The fills at or after <paramref name="since"/>, oldest first.</summary>
    public Task<ApiFill[]> FillsAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        _actors.Fills.Ask<ApiFill[]>(new GetFills(since), Deadline, cancellationToken);

    /// <summary>Asks the risk actor to put <paramref name="scope"/> in <paramref name="state"/>.</summary>
    public async Task<ApiStateResult> SetStateAsync(RiskScope scope, TradingState state, string by, string reason, bool? cancel, CancellationToken cancellationToken)
    {
        var answer = await _actors.Risk.Ask<object>(new SetTradingState(scope, state, Now, by, reason, cancel), Deadline, cancellationToken);
        return answer switch
        {
            TradingStateChanged c => new ApiStateResult(c.Scope.ToString(), c.From.ToString(), c.To.ToString(), true, c.By, c.Cause, c.CancelWorkingOrders),
            TradingStateUnchanged { Error: null } u => new ApiStateResult(u.Scope.ToString(), u.State.ToString(), u.State.ToString(), false, by, reason, false),
            TradingStateUnchanged u => throw new ArgumentException(u.Error),
            _ => throw new InvalidOperationException($"the risk actor answered {answer.GetType().Name}"),
        };
    }

    /// <summary>Sends a cancel of every working order of <paramref name="login"/>; returns how many were working.</summary>
    public async Task<ApiCancelAllResult> CancelAllAsync(string login, CancellationToken cancellationToken)
    {
        var working = (await OrdersAsync(login, o => OrderLifecycle.IsWorking(o.Status), cancellationToken)).Length;
        var children = await _actors.Engine.Ask<EngineChildren>(GetEngineChildren.Instance, Deadline, cancellationToken);
        children.Connections.Tell(new CancelAllOrders(new LoginId(login), Now), ActorRefs.NoSender);
        return new ApiCancelAllResult(login, working, $"cancel sent for the {working} working order(s) of {login}; the venue's answers arrive as order events");
    }

    /// <summary>Asks the strategy host to stop or start <paramref name="name"/>.</summary>
    public async Task<StrategyControlled> ControlStrategyAsync(string name, bool start, string reason, CancellationToken cancellationToken)
    {
        var children = await _actors.Engine.Ask<EngineChildren>(GetEngineChildren.Instance, Deadline, cancellationToken);
        if (children.Strategies.Equals(ActorRefs.Nobody))
        {
            return new StrategyControlled(name, false, "the strategy host is not running");
        }

        object command = start ? new StartStrategy(name) : new StopStrategy(name, reason);
        return await children.Strategies.Ask<StrategyControlled>(command, Deadline, cancellationToken);
    }

    /// <summary>
    /// Why the engine is not ready (an enabled login not Ready, the journal not taking a write: a probe event is written
    /// and committed by <see cref="JournalProbeActor"/>); empty when ready.
    /// </summary>
    public async Task<ImmutableArray<string>> ReadinessProblemsAsync(CancellationToken cancellationToken)
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        try
        {
            var probe = _system.ActorSelection("/user/" + ApiHosting.JournalProbeName);
            var answer = await probe.Ask<JournalProbed>(ProbeJournal.Instance, Deadline, cancellationToken);
            if (!answer.Writable)
            {
                problems.Add($"journal: not writable: {answer.Problem}");
            }
        }
        catch (Exception ex) when (ex is AskTimeoutException or TaskCanceledException)
        {
            problems.Add("journal: no answer within " + Deadline);
        }

        try
        {
            var board = await _actors.Status.Ask<StatusSnapshot>(GetStatusSnapshot.Instance, Deadline, cancellationToken);
            foreach (var login in _logins.Where(l => l.Enabled))
            {
                var state = board.Logins.FirstOrDefault(l => l.Login.Value == login.Name)?.State;
                if (state != Messages.Connectivity.ConnectionState.Ready)
                {
                    problems.Add($"login {login.Name}: {state?.ToString() ?? "not heard of"}");
                }
            }
        }
        catch (Exception ex) when (ex is AskTimeoutException or TaskCanceledException)
        {
            problems.Add("status: no answer within " + Deadline);
        }

        return problems.ToImmutable();
    }

    private async Task<IReadOnlyList<string>> RunningAsync(CancellationToken cancellationToken)
    {
        var children = await _actors.Engine.Ask<EngineChildren>(GetEngineChildren.Instance, Deadline, cancellationToken);
        if (children.Strategies.Equals(ActorRefs.Nobody))
        {
            return [];
        }

        return (await children.Strategies.Ask<RunningStrategies>(GetRunningStrategies.Instance, Deadline, cancellationToken)).Names;
    }
}
