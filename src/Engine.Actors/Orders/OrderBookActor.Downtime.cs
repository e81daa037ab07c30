using Engine.Messages.Accounts;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Orders;

/// <summary>
/// Orders that vanished from the venue while the engine did not listen (a venue without per-order queries): they wait
/// for the balance the venue reports at the same reconciliation (handed to the book by its connection), which
/// decides whether they filled (<see cref="DowntimeFillInference"/>). So do Unknown orders without a venue id that a
/// previous session sent and no open order can be. Fills the venue reported by status in a previous session whose fill
/// reports never came are inferred at the first reconciliation (<see cref="DowntimeFillInference.OwedFills"/>), before
/// the balance is judged. Reported balances are journaled when they change.
/// </summary>
public sealed partial class OrderBookActor
{
    private const string BalanceSource = "asset at reconciliation";

    /// <summary>The balances the journal expects; rebuilt by recovery.</summary>
    private readonly BalanceLedger _ledger = new();

    /// <summary>Vanished orders awaiting the balance of their base asset, by client order id.</summary>
    private readonly Dictionary<ClientOrderId, string> _vanished = [];

    /// <summary>
    /// The last reconciliation balance per asset that differed from what the journal expected when it arrived, with that
    /// expectation: the venue may answer the balance before the open orders of the same round, and the difference must
    /// still be there to judge the orders that then turn out to have vanished.
    /// </summary>
    private readonly Dictionary<string, (decimal Reported, decimal Expected)> _unexplained = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Working orders without a venue id when this session started: their place requests went out on a socket that is
    /// gone, so no reply will tell their venue id.
    /// </summary>
    private HashSet<ClientOrderId> _sentBeforeSession = [];

    /// <summary>
    /// Orders whose fills covered less than the venue had reported filled when this session started, with that reported
    /// quantity: the fill reports would have come on a socket that is gone.
    /// </summary>
    private Dictionary<ClientOrderId, decimal> _owedAtStart = [];

    /// <summary>True when the venue cannot be asked about single orders: what it no longer lists must be judged.</summary>
    private bool JudgesByBalance => _readiness is { CanQueryOrderStatus: false };

    private void NoteVanished(ReconcileOutcome outcome, string source)
    {
        IEnumerable<OrderState> unknown = [];
        if (JudgesByBalance)
        {
            InferOwedFills(source);
            unknown = outcome.Unresolved
                .Where(_sentBeforeSession.Contains)
                .Select(_book.Find)
                .OfType<OrderState>()
                .Where(o => o.Status == OrderStatus.Unknown && o.VenueOrderId is null);
        }

        foreach (var order in outcome.Vanished.Concat(unknown))
        {
            if (_vanished.TryAdd(order.ClientOrderId, source))
            {
                LogVanishedPending(_log, _login.Value, order.ClientOrderId.Value, order.VenueOrderId?.Value ?? "-", order.Symbol.Value);
            }
        }
    }

    /// <summary>
    /// Journals the fills owed since the start of this session (<see cref="_owedAtStart"/>); called at the first
    /// reconciliation message of the session, so the first balance judged already counts them.
    /// </summary>
    private void InferOwedFills(string source)
    {
        if (_owedAtStart.Count == 0)
        {
            return;
        }

        var owed = _owedAtStart;
        _owedAtStart = [];
        var events = DowntimeFillInference.OwedFills(_login, owed, _book.Find, Now, source);
        foreach (var judged in events)
        {
            LogJudged(judged);
        }

        Drain(events);
    }

    /// <summary>When this incarnation journals its session start: what the previous sessions left for it to settle.</summary>
    private void NoteSessionStart()
    {
        _sentBeforeSession = [.. _book.Working.Where(o => o.VenueOrderId is null).Select(o => o.ClientOrderId)];
        _owedAtStart = _book.Orders
            .Where(o => !o.IsExternal && o.VenueFilledQuantity > o.FilledQuantity && o.Status != OrderStatus.Rejected)
            .ToDictionary(o => o.ClientOrderId, o => o.VenueFilledQuantity);
    }

    /// <summary>Judges the vanished orders of <paramref name="symbol"/> now when their asset's balance already came in this round.</summary>
    private List<IOrderEvent> JudgeOnEarlierBalance(Symbol symbol)
    {
        if (BalanceLedger.BaseAssetOf(symbol) is not { } asset || !_unexplained.TryGetValue(asset, out var earlier))
        {
            return [];
        }

        var (waiting, source) = TakeVanished(asset);
        if (waiting.Count == 0)
        {
            return [];
        }

        _unexplained.Remove(asset);
        return [.. Judged(waiting, asset, earlier.Expected, earlier.Reported, source)];
    }

    private System.Collections.Immutable.ImmutableArray<IOrderEvent> Judged(List<OrderState> waiting, string asset, decimal? expected, decimal reported, string? source)
    {
        var events = DowntimeFillInference.Judge(_login, waiting, asset, expected, reported, Now, $"{source}; {BalanceSource}");
        foreach (var judged in events)
        {
            LogJudged(judged);
        }

        return events;
    }

    /// <summary>Removes and returns the vanished orders whose base asset is <paramref name="asset"/> (and forgets finished ones).</summary>
    private (List<OrderState> Waiting, string? Source) TakeVanished(string asset)
    {
        var waiting = new List<OrderState>();
        string? source = null;
        foreach (var (id, from) in _vanished.ToList())
        {
            if (_book.Find(id) is not { } order || !OrderLifecycle.IsWorking(order.Status) || (order.VenueOrderId is null && order.Status != OrderStatus.Unknown))
            {
                _vanished.Remove(id);
                continue;
            }

            if (string.Equals(BalanceLedger.BaseAssetOf(order.Symbol), asset, StringComparison.OrdinalIgnoreCase))
            {
                waiting.Add(order);
                source ??= from;
                _vanished.Remove(id);
            }
        }

        return (waiting, source);
    }

    private void OnReconciledBalance(BalanceChanged changed)
    {
        if (changed.Login != _login || !changed.IsReconciliation || string.IsNullOrEmpty(changed.Balance.Asset))
        {
            return;
        }

        if (JudgesByBalance)
        {
            InferOwedFills(BalanceSource);
        }

        var asset = changed.Balance.Asset;
        var total = changed.Balance.Total ?? (changed.Balance.Free + (changed.Balance.Locked ?? 0m));
        var (waiting, source) = TakeVanished(asset);
        if (waiting.Count > 0)
        {
            _unexplained.Remove(asset);
            Drain(Judged(waiting, asset, _ledger.ExpectedOf(asset), total, source));
            return;
        }

        if (_ledger.ExpectedOf(asset) is { } expected && expected != total)
        {
            _unexplained[asset] = (total, expected);
        }
        else
        {
            _unexplained.Remove(asset);
        }

        if (_ledger.LastReportedOf(asset) != total)
        {
            Drain([new VenueBalanceReconciled(_login, ExternalOrderId.Session, Now, asset, total, _ledger.ExpectedOf(asset), BalanceSource)]);
        }
    }

    /// <summary>
    /// Keeps <see cref="_ledger"/> in step with the book, and notes what this incarnation's session start leaves to
    /// settle; called for every event applied, live or replayed.
    /// </summary>
    private void Ledger(IOrderEvent applied)
    {
        if (applied is SessionStarted && !IsRecovering)
        {
            NoteSessionStart();
        }

        _ledger.Apply(applied, _book.Find(applied.ClientOrderId));
    }

    private void LogJudged(IOrderEvent judged)
    {
        switch (judged)
        {
            case OrderRejected r:
                LogNeverReached(_log, _login.Value, r.ClientOrderId.Value, r.Reason);
                break;
            case OrderFillInferred f:
                LogFillInferred(_log, _login.Value, f.ClientOrderId.Value, f.Quantity, f.Price, f.Reason);
                break;
            case OrderVanished v:
                LogVanished(_log, _login.Value, v.ClientOrderId.Value, v.Remaining, v.Reason);
                break;
            case ExternalBalanceAdjusted a:
                LogBalanceAdjusted(_log, _login.Value, a.Asset, a.Difference, a.Reason);
                break;
        }
    }

    [LoggerMessage(EventId = 5150, Level = LogLevel.Information,
        Message = "Order {ClientOrderId} of login {Login} (venue id {VenueOrderId}, {Symbol}) is no longer open at the venue; the venue's balance will decide whether it filled")]
    private static partial void LogVanishedPending(ILogger logger, string login, string clientOrderId, string venueOrderId, string symbol);

    [LoggerMessage(EventId = 5151, Level = LogLevel.Warning,
        Message = "Order {ClientOrderId} of login {Login} filled {Quantity} at {Price} while the engine did not listen, inferred: {Reason}")]
    private static partial void LogFillInferred(ILogger logger, string login, string clientOrderId, decimal quantity, decimal price, string reason);

    [LoggerMessage(EventId = 5152, Level = LogLevel.Warning,
        Message = "Order {ClientOrderId} of login {Login} vanished from the venue with {Remaining} open and no evidence of what became of it: {Reason}; journaled as vanished, check it")]
    private static partial void LogVanished(ILogger logger, string login, string clientOrderId, decimal remaining, string reason);

    [LoggerMessage(EventId = 5154, Level = LogLevel.Warning,
        Message = "Order {ClientOrderId} of login {Login}, whose place reply never came, never reached the venue: {Reason}")]
    private static partial void LogNeverReached(ILogger logger, string login, string clientOrderId, string reason);

    [LoggerMessage(EventId = 5153, Level = LogLevel.Warning,
        Message = "External balance adjustment on login {Login}: {Asset} {Difference} that no journaled fill explains ({Reason})")]
    private static partial void LogBalanceAdjusted(ILogger logger, string login, string asset, decimal difference, string reason);
}
