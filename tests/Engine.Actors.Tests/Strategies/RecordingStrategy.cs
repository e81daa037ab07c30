using Akka.Actor;
using Engine.Actors.Strategies;
using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Strategies;

/// <summary>
/// A test strategy that reports every hook call to the "reports" ref given at construction, and runs the base class's
/// helpers when told to (so tests drive Submit, Cancel, queries and parameter binding from outside).
/// </summary>
public sealed class RecordingStrategy : StrategyActor
{
    public RecordingStrategy(StrategyContext context, IActorRef reports)
        : base(context)
    {
        Reports = reports;
        Receive<DoSubmit>(m => Reply(() => Submit(m.Login, m.Symbol, m.Side, OrderType.Limit, m.Quantity, m.Price)));
        Receive<DoCancel>(m => Reply(() =>
        {
            Cancel(m.Login, m.Id);
            return m.Id;
        }));
        Receive<DoCancelAll>(m => Reply(() =>
        {
            CancelAll(m.Login, m.Symbol);
            return m.Login;
        }));
        Receive<DoQuerySymbolInfo>(m => Reply(() =>
        {
            QuerySymbolInfo(m.Login, m.Symbol);
            return m.Symbol;
        }));
        Receive<DoAskPosition>(m =>
            Ask<PositionReply>(new QueryPosition(m.Login, m.Symbol, Clock.GetUtcNow()), TimeSpan.FromSeconds(5)).PipeTo(Reports));
        Receive<DoBind>(_ => Reply(() => Parameters<ParameterizedStrategy.Options>()));
        Receive<GetWorkingOrders>(_ => Reports.Tell(WorkingOrders.OrderBy(o => o.ClientOrderId.Value, StringComparer.Ordinal).ToList()));
        Receive<SymbolInfoReply>(reply => Reports.Tell(reply));
        Receive<DoBecomeQuiet>(_ =>
        {
            Become(() => Receive<string>(text => Reports.Tell("quiet:" + text)));
            Reports.Tell("became quiet");
        });
    }

    private IActorRef Reports { get; }

    protected override void OnOrderEvent(IOrderEvent orderEvent) => Reports.Tell(new Hook("order", orderEvent));

    protected override void OnFill(StrategyFill fill) => Reports.Tell(new Hook("fill", fill));

    protected override void OnBalance(BalanceChanged change) => Reports.Tell(new Hook("balance", change));

    protected override void OnPosition(PositionChanged change) => Reports.Tell(new Hook("position", change));

    protected override void OnConnectionState(ConnectionStateChanged change) => Reports.Tell(new Hook("state", change));

    protected override void OnBudgetExhausted(RequestBudgetExhausted exhausted) => Reports.Tell(new Hook("budget", exhausted));

    private void Reply(Func<object> action)
    {
        try
        {
            Reports.Tell(action());
        }
        catch (Exception e)
        {
            Reports.Tell(new Failure(e.GetType().Name, e.Message));
        }
    }

    public sealed record Hook(string Kind, object Payload);

    public sealed record Failure(string Type, string Message);

    public sealed record DoSubmit(LoginId Login, Symbol Symbol, OrderSide Side, decimal Quantity, decimal Price);

    public sealed record DoCancel(LoginId Login, ClientOrderId Id);

    public sealed record DoCancelAll(LoginId Login, Symbol? Symbol);

    public sealed record DoQuerySymbolInfo(LoginId Login, Symbol Symbol);

    public sealed record DoAskPosition(LoginId Login, Symbol Symbol);

    public sealed record DoBind;

    public sealed record GetWorkingOrders;

    public sealed record DoBecomeQuiet;
}
