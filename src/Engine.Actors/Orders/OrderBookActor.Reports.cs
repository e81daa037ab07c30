using Engine.Actors.Orders.Protocol;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>Venue reports (bound or held until the place reply reveals their venue id) and reconciliation.</summary>
public sealed partial class OrderBookActor
{
    private const string ExpireHeldKey = "expire-held-reports";

    private void OnVenueReports(VenueReports reports)
    {
        var bound = new List<IOrderEvent>(reports.Updates.Length);
        foreach (var update in reports.Updates)
        {
            if (_book.BindOrHold(update) is { } orderEvent)
            {
                bound.Add(orderEvent);
            }
            else
            {
                LogReportHeld(_log, _login.Value, update.VenueOrderId.Value);
            }
        }

        if (_book.HeldCount > 0 && !Timers.IsTimerActive(ExpireHeldKey))
        {
            Timers.StartSingleTimer(ExpireHeldKey, new ExpireHeldReports(), _options.HeldReportTimeout);
        }

        Drain(bound);
    }

    private void OnExpireHeld()
    {
        // Reports received exactly one timeout ago expire too (ExpireHeld drops strictly older ones).
        var cutoff = Now - _options.HeldReportTimeout + TimeSpan.FromTicks(1);
        foreach (var expired in _book.ExpireHeld(cutoff))
        {
            LogHeldExpired(_log, _login.Value, expired.VenueOrderId.Value, _options.HeldReportTimeout);
        }

        if (_book.HeldCount > 0)
        {
            Timers.StartSingleTimer(ExpireHeldKey, new ExpireHeldReports(), _options.HeldReportTimeout);
        }
    }

    private void OnReconcile(ReconcileOpenOrders reconcile)
    {
        var outcome = OrderReconciler.Reconcile(_book, reconcile.Symbol, reconcile.Orders, reconcile.At, reconcile.Source, CanQueryOrderStatus);
        foreach (var foreign in outcome.Foreign)
        {
            LogForeignOrder(_log, _login.Value, reconcile.Symbol.Value, foreign.VenueOrderId.Value, foreign.Side, foreign.Quantity, foreign.Price);
        }

        foreach (var unresolved in outcome.Unresolved)
        {
            LogUnresolved(_log, _login.Value, unresolved.Value, reconcile.Symbol.Value);
        }

        Drain(outcome.Events, () => AskAbout(outcome.ToQuery));
    }
}
