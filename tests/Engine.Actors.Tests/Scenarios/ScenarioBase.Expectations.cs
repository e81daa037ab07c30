using Akka.TestKit;
using Engine.Actors.Connections;
using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;

namespace Engine.Actors.Tests.Scenarios;

/// <summary>The strategy's side of a scenario: submitting, querying, arming faults and awaiting what the engine publishes.</summary>
public abstract partial class ScenarioBase
{
    /// <summary>Starts the engine and waits until <see cref="Login"/> (the first of <paramref name="logins"/>) is ready.</summary>
    protected ConnectionStateChanged StartReady(params LoginOptions[] logins)
    {
        StartEngine(logins);
        return ExpectState(ConnectionState.Ready);
    }

    /// <summary>Starts the engine, waits until it is ready, then sets the simulator's mid of <see cref="Btc"/>.</summary>
    protected async Task StartReadyAtMid(decimal mid, params LoginOptions[] logins)
    {
        StartReady(logins);
        await SetMid(mid);
    }

    protected ConnectionStateChanged ExpectState(ConnectionState state, Predicate<ConnectionStateChanged>? also = null) =>
        States.FishForMessage<ConnectionStateChanged>(s => s.Login == Login && s.State == state && (also?.Invoke(s) ?? true), Wait);

    protected T ExpectOrderEvent<T>(ClientOrderId id, Predicate<T>? also = null)
        where T : IOrderEvent =>
        Events.FishForMessage<T>(e => e.ClientOrderId == id && (also?.Invoke(e) ?? true), Wait);

    /// <summary>Waits for a balance published by a reconciliation, of <paramref name="asset"/> when given.</summary>
    protected BalanceChanged ExpectReconciledBalance(string? asset = null) =>
        Events.FishForMessage<BalanceChanged>(b => b.IsReconciliation && (asset is null || b.Balance.Asset == asset), Wait);

    /// <summary>
    /// Moves engine time in steps until a message matching <paramref name="isTarget"/> arrives at <paramref name="probe"/>
    /// (<see cref="Events"/> by default), at most <paramref name="maxSteps"/> steps (the venue's default when null).
    /// </summary>
    private static readonly TimeSpan StepWait = TimeSpan.FromSeconds(1);

    protected T AdvanceUntil<T>(TimeSpan step, Predicate<T> isTarget, int? maxSteps = null, TestProbe? probe = null)
    {
        var steps = maxSteps ?? _advanceSteps;
        for (var i = 1; ; i++)
        {
            Advance(step);
            try
            {
                // Real time for the venue and the sockets to catch up with each virtual step; generous because
                // CI runs every test assembly at once on two cores (it returns as soon as the target arrives).
                return (probe ?? Events).FishForMessage(isTarget, StepWait);
            }
            catch (Exception) when (i < steps)
            {
            }
        }
    }

    /// <summary>Moves engine time in steps until the login reaches <paramref name="state"/>.</summary>
    protected ConnectionStateChanged AdvanceUntilState(ConnectionState state, TimeSpan step, int? maxSteps = null) =>
        AdvanceUntil<ConnectionStateChanged>(step, s => s.Login == Login && s.State == state, maxSteps, States);

    /// <summary>A probe that receives the given event types from the event stream.</summary>
    protected TestProbe Subscribe(params Type[] eventTypes)
    {
        var probe = CreateTestProbe();
        foreach (var type in eventTypes)
        {
            Sys.EventStream.Subscribe(probe.Ref, type);
        }

        return probe;
    }

    protected SubmitOrder Limit(string id, OrderSide side, decimal quantity, decimal price, string? symbol = null) =>
        new(Login, new ClientOrderId(id), UtcNow, symbol is null ? Btc : new Symbol(symbol), side, OrderType.Limit, quantity, price);

    protected void Submit(SubmitOrder order) => Strategy.Send(Connections, order);

    /// <summary>Submits a limit order for <see cref="Btc"/> and returns it.</summary>
    protected SubmitOrder SubmitLimit(string id, OrderSide side, decimal quantity, decimal price)
    {
        var order = Limit(id, side, quantity, price);
        Submit(order);
        return order;
    }

    /// <summary>Submits a limit order for <see cref="Btc"/>, waits until the venue accepted it and returns it.</summary>
    protected SubmitOrder SubmitAccepted(string id, OrderSide side, decimal quantity, decimal price)
    {
        var order = SubmitLimit(id, side, quantity, price);
        ExpectOrderEvent<OrderAccepted>(order.ClientOrderId);
        return order;
    }

    /// <summary>
    /// Starts the engine ready at a 50 000 mid, arms <paramref name="kind"/> for the next <paramref name="op"/> and
    /// submits into it a buy of 0.01 at 45 000 (one that would rest); returns that order.
    /// </summary>
    protected async Task<SubmitOrder> SubmitIntoFault(FaultKind kind, string op, string id)
    {
        await StartReadyAtMid(50_000m);
        await ArmFault(kind, op, 1);
        return SubmitLimit(id, OrderSide.Buy, 0.01m, 45_000m);
    }

    protected void Cancel(ClientOrderId id) => Strategy.Send(Connections, new CancelOrder(Login, id, UtcNow));

    /// <summary>Sends <paramref name="query"/> as the strategy and waits for the answer matching <paramref name="isReply"/>.</summary>
    protected T Ask<T>(object query, Predicate<T>? isReply = null)
    {
        Strategy.Send(Connections, query);
        return Strategy.FishForMessage(isReply ?? (_ => true), Wait);
    }

    protected BalancesReply Balances() => Ask<BalancesReply>(new QueryBalances(Login, UtcNow));

    /// <summary>The engine's open orders of <see cref="Login"/> in <see cref="Btc"/>.</summary>
    protected OpenOrdersReply OpenOrders() => Ask<OpenOrdersReply>(new QueryOpenOrders(Login, Btc, UtcNow));

    /// <summary>Sets the simulator's mid of <paramref name="symbol"/> (<see cref="Btc"/> by default) and returns the mid it reports.</summary>
    protected async Task<decimal> SetMid(decimal mid, Symbol? symbol = null)
    {
        var name = (symbol ?? Btc).Value;
        return (await Control.MarketAsync(new MarketCommand { Symbol = name, Mid = mid }))[name];
    }

    /// <summary>Arms a simulator fault: <paramref name="kind"/> for the next <paramref name="count"/> <paramref name="op"/> (0: every one).</summary>
    protected Task ArmFault(FaultKind kind, string op, int count) =>
        Control.AddFaultAsync(new FaultRule { Kind = kind, Op = op, Count = count });
}
