using System.Collections.Immutable;
using System.Globalization;
using Engine.Actors.Orders;
using Engine.Actors.Monitoring;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Audit;

/// <summary>
/// Replays order journals through the engine's own <see cref="OrderBook"/> (the same lifecycle table and fill rules)
/// and checks the invariants: every event belongs to an order recorded before it (no fill without its order), no
/// forbidden transition, filled ≤ quantity, each order's filled quantity is the sum of its distinct fills (b), the
/// position per symbol is the sum of all fills, attributed and external, no fill id appears twice in a login's journal
/// (d), the last balance the venue reported at reconciliation equals the first one plus every fill since (c; inferred
/// fills and external balance adjustments included; a vanished order is a violation), no order is left Submitted, Unknown or PendingCancel at a journaled end of a session (a; a journal whose last
/// session has no end is reported as a crash, not as a violation), and each event is stored in its own login's stream.
/// Stale reports are shown in the timeline but are not violations. External orders and fills, inferred venue ids and
/// the venue's protocol violations are listed. Pure and thread-safe (all state is local).
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
        private readonly List<AuditedFill> _externalFills = [];
        private readonly List<AuditSession> _sessions = [];
        private readonly List<AuditProtocolViolation> _protocol = [];
        private readonly Dictionary<(LoginId, FillId), ClientOrderId> _fillIds = [];
        private readonly Dictionary<LoginId, (DateTimeOffset Start, DateTimeOffset Last)> _open = [];
        private readonly Dictionary<LoginId, string> _nodes = [];
        private readonly Dictionary<(LoginId Login, string Asset), BalanceTrack> _balances = [];
        private int _read;
        private int _inferred;
        private int _inferredFills;

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
            if (orderEvent is SessionStarted started)
            {
                StartSession(book, started);
            }

            Track(streamLogin, orderEvent.Timestamp);
            CheckFillId(stored, streamLogin, orderEvent, name);
            switch (orderEvent)
            {
                case SessionStarted:
                    return;
                case SessionEnded ended:
                    EndSession(stored, book, ended);
                    return;
                case VenueProtocolViolation v:
                    if (filter.Includes(v.Timestamp))
                    {
                        _protocol.Add(new AuditProtocolViolation(streamLogin, stored.SequenceNr, v.ClientOrderId, v.VenueOrderId, v.Report, v.Reason, v.RawFrame, v.Timestamp));

                        // A contradictory venue report makes the audit unclean: the venue's word for that order cannot be trusted.
                        _violations.Add(new AuditViolation(stored.PersistenceId, stored.SequenceNr, streamLogin.Value, v.ClientOrderId.Value, "protocol", $"venue protocol violation ({v.Report}): {v.Reason}"));
                    }

                    if (book.Find(v.ClientOrderId) is null)
                    {
                        return;
                    }

                    break;
                case VenueOrderIdInferred:
                    _inferred++;
                    break;
                case VenueBalanceReconciled reported:
                    Reported(stored, streamLogin, reported);
                    return;
                case ExternalBalanceAdjusted adjusted:
                    if (_balances.TryGetValue((streamLogin, adjusted.Asset), out var track))
                    {
                        track.Adjustments += adjusted.Difference;
                    }

                    return;
                case OrderFillInferred or OrderVanished:
                    Explained(stored, streamLogin, book, orderEvent, name);
                    return;
            }

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
                if (BalanceLedger.BaseAssetOf(order.Symbol) is { } asset && _balances.TryGetValue((streamLogin, asset), out var track))
                {
                    var fee = fill.Fee is { } paid && string.Equals(fill.FeeAsset, asset, StringComparison.OrdinalIgnoreCase) ? paid : 0m;
                    track.FromFills += BalanceLedger.BaseEffect(order.Side, fill.Quantity) - fee;
                }
                if (filter.Includes(order.CreatedAt))
                {
                    (order.IsExternal ? _externalFills : _fills).Add(new AuditedFill(streamLogin, order.ClientOrderId, fill.FillId, order.Symbol, order.Side, fill.Price, fill.Quantity, fill.Fee, fill.FeeAsset, orderEvent.Timestamp));
                }
            }
        }

        public AuditReport Finish()
        {
            foreach (var (login, open) in _open.OrderBy(p => p.Key.Value, StringComparer.Ordinal))
            {
                // No journaled end: the engine crashed or is still running. Reported as such, not as a violation.
                _sessions.Add(new AuditSession(login, open.Start, open.Last, "no journaled end: crashed or still running", false, LeftOpen(BookOf(login)), _nodes.GetValueOrDefault(login)));
            }

            var orders = ImmutableArray.CreateBuilder<AuditedOrder>();
            var external = ImmutableArray.CreateBuilder<AuditedOrder>();
            var positions = ImmutableArray.CreateBuilder<AuditPosition>();
            foreach (var (login, book) in _books.OrderBy(b => b.Key.Value, StringComparer.Ordinal))
            {
                var stream = _streams.GetValueOrDefault(login) ?? OrderJournal.PersistenceIdOf(login);
                foreach (var order in book.Orders.OrderBy(o => o.CreatedAt).ThenBy(o => o.ClientOrderId.Value, StringComparer.Ordinal))
                {
                    CheckOrder(stream, login, order);
                    if (filter.Includes(order.CreatedAt))
                    {
                        (order.IsExternal ? external : orders).Add(new AuditedOrder(order, [.. _timelines.GetValueOrDefault((login, order.ClientOrderId)) ?? []]));
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

            // (c) is the position: checked on the base assets of the symbols traded. A quote balance also moves by fees the
            // quant gateway does not report, so it cannot be checked against the fills.
            var balances = ImmutableArray.CreateBuilder<AuditBalanceCheck>();
            foreach (var ((login, asset), track) in _balances.OrderBy(b => b.Key.Login.Value, StringComparer.Ordinal).ThenBy(b => b.Key.Asset, StringComparer.Ordinal))
            {
                var check = track.Check;
                var traded = BookOf(login).Orders.Any(o => string.Equals(BalanceLedger.BaseAssetOf(o.Symbol), asset, StringComparison.OrdinalIgnoreCase));
                if (check is null || !traded)
                {
                    continue;
                }

                balances.Add(check);
                if (!check.Holds)
                {
                    _violations.Add(new AuditViolation(track.Stream, check.SequenceNr, login.Value, string.Empty, "balance", string.Create(CultureInfo.InvariantCulture,
                        $"(c) {asset}: the venue reported {check.LastReported} but the journal's fills give {check.Expected} (first reported {check.FirstReported}, fills {check.FromFills}, adjustments {check.Adjustments})")));
                }
            }

            return new AuditReport(orders.ToImmutable(), [.. _fills], [.. _violations], positions.ToImmutable(), _read)
            {
                BalanceChecks = balances.ToImmutable(),
                InferredFills = _inferredFills,
                ExternalOrders = external.ToImmutable(),
                ExternalFills = [.. _externalFills],
                Sessions = [.. _sessions.OrderBy(x => x.Login.Value, StringComparer.Ordinal).ThenBy(x => x.Start)],
                ProtocolViolations = [.. _protocol],
                InferredVenueIds = _inferred,
            };
        }

        /// <summary>
        /// (c) A balance the venue reported: the first starts the asset's track; each later one is checked against the
        /// fills and adjustments since the first (only the last check counts: fills after it are not yet reported).
        /// </summary>
        private void Reported(AuditedEvent stored, LoginId login, VenueBalanceReconciled reported)
        {
            if (!_balances.TryGetValue((login, reported.Asset), out var track))
            {
                _balances[(login, reported.Asset)] = new BalanceTrack(stored.PersistenceId, reported.Total);
                return;
            }

            track.Check = new AuditBalanceCheck(login, reported.Asset, stored.SequenceNr, track.First, track.FromFills, track.Adjustments, reported.Total);
        }

        /// <summary>
        /// An inferred fill's explanation is counted and shown in its order's timeline; a vanished order (no evidence of a
        /// fill or a cancel) is a violation for a person to check.
        /// </summary>
        private void Explained(AuditedEvent stored, LoginId login, OrderBook book, IOrderEvent orderEvent, string name)
        {
            if (book.Find(orderEvent.ClientOrderId) is not { } order)
            {
                Violate(stored, orderEvent, name, $"{name} for order {orderEvent.ClientOrderId}, which was never recorded (no OrderSubmitted before it)");
                return;
            }

            if (!_timelines.TryGetValue((login, order.ClientOrderId), out var timeline))
            {
                timeline = [];
                _timelines[(login, order.ClientOrderId)] = timeline;
            }

            switch (orderEvent)
            {
                case OrderFillInferred inferred:
                    _inferredFills++;
                    timeline.Add(new AuditTimelineEntry(stored.SequenceNr, inferred.Timestamp, name, TransitionOutcome.Applied, order.Status,
                        string.Create(CultureInfo.InvariantCulture, $"INFERRED fill of {inferred.Quantity} @ {inferred.Price}: {inferred.Reason}")));
                    break;
                case OrderVanished vanished:
                    timeline.Add(new AuditTimelineEntry(stored.SequenceNr, vanished.Timestamp, name, TransitionOutcome.Applied, order.Status,
                        string.Create(CultureInfo.InvariantCulture, $"VANISHED with {vanished.Remaining} open: {vanished.Reason}")));
                    Violate(stored, orderEvent, name, string.Create(CultureInfo.InvariantCulture,
                        $"order {order.ClientOrderId} (venue id {vanished.VenueOrderId}) vanished from the venue with {vanished.Remaining} open and no evidence of a fill or a cancel: {vanished.Reason}"));
                    break;
            }
        }

        private void Track(LoginId login, DateTimeOffset at) =>
            _open[login] = _open.TryGetValue(login, out var open) ? (open.Start, at > open.Last ? at : open.Last) : (at, at);

        /// <summary>(d) A fill id journaled twice in one login's stream, on the same order or another: counted twice somewhere.</summary>
        private void CheckFillId(AuditedEvent stored, LoginId login, IOrderEvent orderEvent, string name)
        {
            if (FillOf(orderEvent) is not { } fill)
            {
                return;
            }

            if (_fillIds.TryGetValue((login, fill.FillId), out var first))
            {
                Violate(stored, orderEvent, name, $"fill id {fill.FillId} appears twice in the journal (first on order {first})");
                return;
            }

            _fillIds[(login, fill.FillId)] = orderEvent.ClientOrderId;
        }

        /// <summary>
        /// A session began (on <see cref="SessionStarted.Node"/>). A session of the login still open had no journaled end:
        /// it crashed (the new start proves it is not still running) and is reported as such, on its own node.
        /// </summary>
        private void StartSession(OrderBook book, SessionStarted started)
        {
            if (_open.Remove(started.Login, out var crashed) && filter.Includes(crashed.Last))
            {
                _sessions.Add(new AuditSession(started.Login, crashed.Start, crashed.Last, "no journaled end: crashed", false, LeftOpen(book), _nodes.GetValueOrDefault(started.Login)));
            }

            _nodes[started.Login] = started.Node;
        }

        /// <summary>(a) At a journaled end of a session, no order may be left Submitted, Unknown or PendingCancel.</summary>
        private void EndSession(AuditedEvent stored, OrderBook book, SessionEnded ended)
        {
            var start = _open.TryGetValue(ended.Login, out var open) ? open.Start : ended.Timestamp;
            _open.Remove(ended.Login);
            var node = ended.Node ?? _nodes.GetValueOrDefault(ended.Login);
            _nodes.Remove(ended.Login);
            var left = LeftOpen(book);
            if (filter.Includes(ended.Timestamp))
            {
                _sessions.Add(new AuditSession(ended.Login, start, ended.Timestamp, ended.How, true, left, node));
            }

            var flagged = new HashSet<string>(StringComparer.Ordinal);
            foreach (var order in book.Orders.Where(IsLeftOpen))
            {
                flagged.Add(order.ClientOrderId.Value);
                Violate(stored, ended, nameof(SessionEnded), string.Create(CultureInfo.InvariantCulture,
                    $"order {order.ClientOrderId} (venue id {order.VenueOrderId?.Value ?? "unknown"}) was left {order.Status} at the end of the session ({ended.How})"));
            }

            // The drain's own list: orders it cancelled but the venue still had open when it gave up.
            foreach (var leftover in ended.Leftovers.IsDefault ? [] : ended.Leftovers)
            {
                var cid = leftover.Split(' ', 2)[0];
                if (flagged.Add(cid))
                {
                    Violate(stored, ended, nameof(SessionEnded), $"order {leftover} was still open at the venue when the session ended ({ended.How})");
                }
            }
        }

        private static ImmutableArray<string> LeftOpen(OrderBook book) =>
            [.. book.Orders.Where(IsLeftOpen).OrderBy(o => o.CreatedAt).Select(o => $"{o.ClientOrderId} ({o.Status}, venue id {o.VenueOrderId?.Value ?? "unknown"})")];

        private static bool IsLeftOpen(OrderState order) =>
            !order.IsExternal && order.Status is OrderStatus.Submitted or OrderStatus.Unknown or OrderStatus.PendingCancel or OrderStatus.PendingSubmit;

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

        /// <summary>One asset's running invariant (c).</summary>
        private sealed class BalanceTrack(string stream, decimal first)
        {
            public string Stream { get; } = stream;

            public decimal First { get; } = first;

            public decimal FromFills { get; set; }

            public decimal Adjustments { get; set; }

            public AuditBalanceCheck? Check { get; set; }
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
        ExternalFillReported f => (f.FillId, f.Price, f.Quantity, f.Fee, f.FeeAsset),
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
        VenueOrderIdInferred i => $"venue id {i.VenueOrderId} INFERRED: {i.Reason}",
        ExternalOrderReported x => string.Create(CultureInfo.InvariantCulture,
            $"EXTERNAL {x.Side} {x.Quantity} {x.Symbol}{(x.Price is { } xp ? $" @ {xp}" : string.Empty)} venue id {x.VenueOrderId} {x.Status} ({x.Reason})"),
        ExternalFillReported f => string.Create(CultureInfo.InvariantCulture, $"EXTERNAL fill {f.FillId} {f.Quantity} @ {f.Price}"),
        VenueProtocolViolation v => $"PROTOCOL VIOLATION ({v.Report}): {v.Reason}",
        _ => string.Empty,
    };
}
