using Engine.Actors.Orders.Protocol;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>Venue reports (bound or held until the place reply reveals their venue id) and reconciliation.</summary>
public sealed partial class OrderBookActor
{
    private const string ExpireHeldKey = "expire-held-reports";

    private void OnVenueReports(VenueReports reports)
    {
        // One report at a time: an inference applied for one must be seen by the next of the same frame.
        foreach (var update in reports.Updates)
        {
            var report = update.RawFrame.IsEmpty && !reports.RawFrame.IsEmpty ? update with { RawFrame = reports.RawFrame } : update;
            var events = _book.BindOrHold(report);
            if (events.IsEmpty)
            {
                LogReportHeld(_log, _login.Value, update.VenueOrderId.Value);
            }

            Drain(events);
        }

        if (_book.HeldCount > 0 && !Timers.IsTimerActive(ExpireHeldKey))
        {
            Timers.StartSingleTimer(ExpireHeldKey, new ExpireHeldReports(), _options.HeldReportTimeout);
        }
    }

    private void OnExpireHeld()
    {
        // Reports received exactly one timeout ago expire too (ExpiredHeld selects strictly older ones). Nothing held is
        // dropped: each venue id is attributed to a matching order or becomes external.
        var now = Now;
        var cutoff = now - _options.HeldReportTimeout + TimeSpan.FromTicks(1);
        foreach (var venueId in _book.ExpiredHeld(cutoff))
        {
            var events = _book.ReleaseExpired(venueId, now);
            if (events.FirstOrDefault() is ExternalOrderReported external)
            {
                LogExternalOrder(_log, _login.Value, venueId.Value, external.Symbol.Value, external.Side, external.Quantity, external.Reason);
            }

            Drain(events);
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

        NoteVanished(outcome, reconcile.Source);
        Drain([.. outcome.Events, .. ExternalOpenOrders(outcome, reconcile), .. JudgeOnEarlierBalance(reconcile.Symbol)], () => AskAbout(outcome.ToQuery));
    }
}
