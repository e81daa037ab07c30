using Akka.Actor;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Host.Api;

/// <summary>
/// The last <see cref="Capacity"/> fills published on the event stream (after their commit), for <c>GET /api/fills</c>
/// and the dashboard; each names its order's symbol and side when the order was submitted while this actor ran.
/// Answers <see cref="GetFills"/> with an <see cref="ApiFill"/> array, oldest first. Threading: an actor.
/// </summary>
public sealed class FillTapeActor : ReceiveActor
{
    /// <summary>Fills kept.</summary>
    public const int Capacity = 1_000;

    private const int OrdersKept = 10_000;
    private readonly Queue<ApiFill> _fills = new();
    private readonly Dictionary<(LoginId, ClientOrderId), (string Symbol, string Side)> _orders = [];
    private readonly Queue<(LoginId, ClientOrderId)> _orderAge = new();

    /// <summary>Created by <see cref="Props"/>.</summary>
    public FillTapeActor()
    {
        Receive<OrderSubmitted>(OnSubmitted);
        Receive<OrderPartiallyFilled>(f => Add(f.Login, f.ClientOrderId, f.FillId, f.Price, f.Quantity, f.Fee, f.FeeAsset, f.Timestamp));
        Receive<OrderFilled>(f => Add(f.Login, f.ClientOrderId, f.FillId, f.Price, f.Quantity, f.Fee, f.FeeAsset, f.Timestamp));
        Receive<GetFills>(get => Sender.Tell(_fills.Where(f => get.Since is null || f.Timestamp >= get.Since).ToArray(), Self));
    }

    /// <summary>Props of the tape.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new FillTapeActor());

    /// <inheritdoc />
    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(OrderSubmitted));
        Context.System.EventStream.Subscribe(Self, typeof(OrderPartiallyFilled));
        Context.System.EventStream.Subscribe(Self, typeof(OrderFilled));
    }

    /// <inheritdoc />
    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void OnSubmitted(OrderSubmitted submitted)
    {
        var key = (submitted.Login, submitted.ClientOrderId);
        if (_orders.TryAdd(key, (submitted.Symbol.Value, submitted.Side.ToString())))
        {
            _orderAge.Enqueue(key);
            if (_orderAge.Count > OrdersKept)
            {
                _orders.Remove(_orderAge.Dequeue());
            }
        }
    }

    private void Add(LoginId login, ClientOrderId id, FillId fillId, decimal price, decimal quantity, decimal? fee, string? feeAsset, DateTimeOffset at)
    {
        var order = _orders.TryGetValue((login, id), out var known) ? known : ((string Symbol, string Side)?)null;
        _fills.Enqueue(new ApiFill(login.Value, id.Value, order?.Symbol, order?.Side, fillId.Value, price, quantity, fee, feeAsset, at));
        if (_fills.Count > Capacity)
        {
            _fills.Dequeue();
        }
    }
}
