using System.Collections.Immutable;
using System.Globalization;
using Engine.Actors.Orders;
using Engine.Actors.Status;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Audit;

/// <summary>
/// Replays order journals through the engine's own <see cref="OrderBook"/> (the same lifecycle table and fill rules)
/// and checks the invariants: every event belongs to an order recorded before it (no fill without its order), no
/// forbidden transition, filled ≤ quantity, each order's filled quantity is the sum of its distinct fills, the
/// position per symbol is the sum of the fills, and each event is stored in its own login's stream. Duplicates and
/// stale reports are shown in the timeline but are not violations. Pure and thread-safe (all state is local).
/// </summary>
public static class OrderAudit
{
    /// <summary>Audits <paramref name="events"/> (in journal order) and reports what <paramref name="filter"/> selects.</summary>
    public static AuditReport Run(IEnumerable<AuditedEvent> events, AuditFilter filter)
    {
        var run = new AuditRun(filter);
        foreach (var stored in events)
        {
            run.Replay(stored);
        }

        return run.Finish();
    }

    private sealed class AuditRun(AuditFilter filter)
    {
        private readonly Dictionary<LoginId, OrderBook> _books = [];
        private readonly Dictionary<LoginId, PortfolioTracker> _portfolios = [];
        private readonly Dictionary<(LoginId, ClientOrderId), List<AuditTimelineEntry>> _timelines = [];
        private readonly Dictionary<(LoginId, ClientOrderId), decimal> _fillSums = [];
        private readonly Dictionary<LoginId, string> _streams = [];
        private readonly List<AuditedFill> _fills = [];
        private readonly List<AuditViolation> _violations = [];
        private int _read;

        public void Replay(AuditedEvent stored)
        {
            if (stored.Event is not IOrderEvent orderEvent)
            {
                return;
            }

            var streamLogin = new LoginId(stored.PersistenceId.StartsWith(OrderJournal.PersistenceIdPrefix, StringComparison.Ordinal)
                ? stored.PersistenceId[OrderJournal.PersistenceIdPrefix.Length..]
                : stored.PersistenceId);
            if (!filter.Includes(streamLogin))
            {
                return;
            }

            _read++;
            var name = orderEvent.GetType().Name;
            if (orderEvent.Login != streamLogin)
            {
                Violate(stored, orderEvent, name, $"event of login {orderEvent.Login} is stored in the stream of login {streamLogin}");
                return;
            }

            _streams[streamLogin] = stored.PersistenceId;
            var book = BookOf(streamLogin);
            var decision = book.Apply(orderEvent);
            if (decision.Result is not { } result)
            {
                var message = decision.Event is OrderPartiallyFilled or OrderFilled
                    ? $"fill {FillIdOf(decision.Event)} without its order: no OrderSubmitted for {orderEvent.ClientOrderId} before it"
                    : $"{name} for order {orderEvent.ClientOrderId}, which was never recorded (no OrderSubmitted before it)";
                Violate(stored, orderEvent, name, message);
                return;
            }

            var key = (streamLogin, orderEvent.ClientOrderId);
            if (!_timelines.TryGetValue(key, out var timeline))
            {
                timeline = [];
                _timelines[key] = timeline;
            }

            var detail = result.Outcome == TransitionOutcome.Applied ? Describe(decision.Event) : result.Reason ?? string.Empty;
            timeline.Add(new AuditTimelineEntry(stored.SequenceNr, orderEvent.Timestamp, decision.Event.GetType().Name, result.Outcome, result.State.Status, detail));
            if (result.Outcome == TransitionOutcome.Invalid)
            {
                Violate(stored, orderEvent, name, result.Reason ?? "forbidden transition");
                return;
            }

            if (result.Outcome == TransitionOutcome.Applied && FillOf(decision.Event) is { } fill)
            {
                var order = result.State;
                _fillSums[key] = _fillSums.GetValueOrDefault(key) + fill.Quantity;
                PortfolioOf(streamLogin).ApplyFill(order.Symbol, order.Side, fill.Price, fill.Quantity, fill.Fee, fill.FeeAsset);
                if (filter.Includes(order.CreatedAt))
                {
                    _fills.Add(new AuditedFill(streamLogin, order.ClientOrderId, fill.FillId, order.Symbol, order.Side, fill.Price, fill.Quantity, fill.Fee, fill.FeeAsset, orderEvent.Timestamp));
                }
            }
        }

        public AuditReport Finish()
        {
            var orders = ImmutableArray.CreateBuilder<AuditedOrder>();
            var positions = ImmutableArray.CreateBuilder<AuditPosition>();
            foreach (var (login, book) in _books.OrderBy(b => b.Key.Value, StringComparer.Ordinal))
            {
                var stream = _streams.GetValueOrDefault(login) ?? OrderJournal.PersistenceIdOf(login);
                foreach (var order in book.Orders.OrderBy(o => o.CreatedAt).ThenBy(o => o.ClientOrderId.Value, StringComparer.Ordinal))
                {
                    CheckOrder(stream, login, order);
                    if (filter.Includes(order.CreatedAt))
                    {
                        orders.Add(new AuditedOrder(order, [.. _timelines.GetValueOrDefault((login, order.ClientOrderId)) ?? []]));
                    }
                }

                var portfolio = PortfolioOf(login);
                foreach (var group in book.Orders.GroupBy(o => o.Symbol).OrderBy(g => g.Key.Value, StringComparer.Ordinal))
                {
                    var fromOrders = group.Sum(o => o.Side == OrderSide.Buy ? o.FilledQuantity : -o.FilledQuantity);
                    var position = portfolio.PositionOf(group.Key);
                    if (position.Quantity != fromOrders)
                    {
                        _violations.Add(new AuditViolation(stream, 0, login.Value, string.Empty, "position",
                            $"position in {group.Key} from fills is {position.Quantity} but the orders' filled quantities sum to {fromOrders}"));
                    }

                    if (position.Fills > 0)
                    {
                        positions.Add(new AuditPosition(login, position));
                    }
                }
            }

            return new AuditReport(orders.ToImmutable(), [.. _fills], [.. _violations], positions.ToImmutable(), _read);
        }

        private void CheckOrder(string stream, LoginId login, OrderState order)
        {
            if (order.FilledQuantity > order.Quantity)
            {
                _violations.Add(new AuditViolation(stream, 0, login.Value, order.ClientOrderId.Value, "filled",
                    $"filled {order.FilledQuantity} exceeds the order quantity {order.Quantity}"));
            }

            var fills = _fillSums.GetValueOrDefault((login, order.ClientOrderId));
            if (fills != order.FilledQuantity)
            {
                _violations.Add(new AuditViolation(stream, 0, login.Value, order.ClientOrderId.Value, "filled",
                    $"filled quantity {order.FilledQuantity} differs from the sum of its fills {fills}"));
            }
        }

        private void Violate(AuditedEvent stored, IOrderEvent orderEvent, string name, string message)
        {
            if (filter.Includes(orderEvent.Timestamp))
            {
                _violations.Add(new AuditViolation(stored.PersistenceId, stored.SequenceNr, orderEvent.Login.Value, orderEvent.ClientOrderId.Value, name, message));
            }
        }

        private OrderBook BookOf(LoginId login)
        {
            if (!_books.TryGetValue(login, out var book))
            {
                book = new OrderBook(login);
                _books[login] = book;
            }

            return book;
        }

        private PortfolioTracker PortfolioOf(LoginId login)
        {
            if (!_portfolios.TryGetValue(login, out var portfolio))
            {
                portfolio = new PortfolioTracker();
                _portfolios[login] = portfolio;
            }

            return portfolio;
        }
    }

    private static (FillId FillId, decimal Price, decimal Quantity, decimal? Fee, string? FeeAsset)? FillOf(IOrderEvent orderEvent) => orderEvent switch
    {
        OrderPartiallyFilled f => (f.FillId, f.Price, f.Quantity, f.Fee, f.FeeAsset),
        OrderFilled f => (f.FillId, f.Price, f.Quantity, f.Fee, f.FeeAsset),
        _ => null,
    };

    private static string FillIdOf(IOrderEvent orderEvent) => FillOf(orderEvent)?.FillId.ToString() ?? string.Empty;

    private static string Describe(IOrderEvent orderEvent) => orderEvent switch
    {
        OrderSubmitted s => string.Create(CultureInfo.InvariantCulture, $"{s.Side} {s.Quantity} {s.Symbol} {s.Type}{(s.Price is { } p ? $" @ {p}" : string.Empty)} {s.TimeInForce}"),
        OrderAccepted a => $"venue id {a.VenueOrderId}",
        OrderRejected r => (r.IsLocal ? "local: " : "venue: ") + r.Reason,
        OrderPartiallyFilled or OrderFilled => FillOf(orderEvent) is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"fill {f.FillId} {f.Quantity} @ {f.Price}{(f.Fee is { } fee ? $" fee {fee} {f.FeeAsset}" : string.Empty)}")
            : string.Empty,
        CancelRejected c => c.Reason,
        OrderStatusUnknown u => u.Reason,
        OrderStatusReported r => string.Create(CultureInfo.InvariantCulture, $"venue says {r.Status}, remaining {r.Remaining} of {r.Quantity}"),
        OrderReconciled r => string.Create(CultureInfo.InvariantCulture, $"{r.Status}, filled {r.FilledQuantity} ({r.Reason})"),
        _ => string.Empty,
    };
}
