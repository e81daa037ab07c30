using System.Globalization;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Risk;

namespace Engine.Actors.Risk;

/// <summary>The automatic triggers: daily loss, venue rejections in a row, a login non-Ready too long.</summary>
public sealed partial class RiskActor
{
    private void OnOrderEvent(IOrderEvent orderEvent)
    {
        switch (_ledger.Observe(orderEvent, Now, MarkOf))
        {
            case LedgerChange.Filled:
                CheckDailyLoss();
                PushSnapshots();
                break;
            case LedgerChange.VenueRejected:
                CheckRejectStreak(orderEvent.Login);
                break;
        }
    }

    private void CheckDailyLoss()
    {
        foreach (var (scope, limits) in LimitedScopes())
        {
            if (scope.Kind == RiskScopeKind.Symbol || limits.MaxDailyLoss is not { } maxLoss || _board.StateOf(scope) == TradingState.Halted)
            {
                continue;
            }

            var loss = -_ledger.DailyPnl(scope, MarkOf);
            if (loss >= maxLoss)
            {
                Change(scope, TradingState.Halted, TriggerActor, $"{RiskRules.MaxDailyLoss}: the loss of the day {N(loss)} reached the limit of {N(maxLoss)}", _options.HaltCancelsWorkingOrders, null);
            }
        }
    }

    private void CheckRejectStreak(LoginId login)
    {
        var streak = _ledger.RejectStreak(login);
        var scope = RiskScope.OfLogin(login.Value);
        if (_options.MaxConsecutiveRejects > 0 && streak >= _options.MaxConsecutiveRejects && _board.StateOf(scope) != TradingState.Halted)
        {
            Change(scope, TradingState.Halted, TriggerActor, $"max-consecutive-rejects: the venue rejected {streak} orders in a row (limit {_options.MaxConsecutiveRejects})", _options.HaltCancelsWorkingOrders, null);
        }
    }

    private void OnConnectionState(ConnectionStateChanged changed)
    {
        if (changed.State == ConnectionState.Ready)
        {
            _notReadySince.Remove(changed.Login);
            Timers.Cancel(changed.Login);
            return;
        }

        if (_notReadySince.ContainsKey(changed.Login))
        {
            return;
        }

        _notReadySince[changed.Login] = changed.Timestamp;
        if (_options.LoginNotReadyHaltAfter > TimeSpan.Zero)
        {
            Timers.StartSingleTimer(changed.Login, new NotReadyTooLong(changed.Login), _options.LoginNotReadyHaltAfter);
        }
    }

    private void OnNotReadyTooLong(NotReadyTooLong timeout)
    {
        if (!_notReadySince.TryGetValue(timeout.Login, out var since))
        {
            return;
        }

        var scope = RiskScope.OfLogin(timeout.Login.Value);
        Change(scope, TradingState.Halted, TriggerActor, $"login-not-ready: {timeout.Login} has not been Ready since {since:O}, longer than {_options.LoginNotReadyHaltAfter}", _options.HaltCancelsWorkingOrders, null);
    }

    private static string N(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>Timer message: <see cref="Login"/> has been non-Ready for <see cref="RiskOptions.LoginNotReadyHaltAfter"/>.</summary>
    private sealed record NotReadyTooLong(LoginId Login);
}
