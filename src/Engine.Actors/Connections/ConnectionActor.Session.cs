using Engine.Actors.Budget;
using Engine.Actors.Orders.Protocol;
using Engine.Actors.Venues;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Markets;

namespace Engine.Actors.Connections;

/// <summary>Inbound frames: session signals, readiness (symbol rules), reconciliation, routing of pushes.</summary>
public sealed partial class ConnectionActor
{
    private void OnFrame(TransportActor.FrameReceived frame)
    {
        var now = frame.ReceivedAt;
        if (now > _lastFrameAt)
        {
            _lastFrameAt = now;
        }

        _behavior.ExpireHeld(now);
        var step = _behavior.Receive(frame.Frame, _loginKey, now);
        var generation = _generation;
        foreach (var signal in step.Signals)
        {
            if (_generation != generation || _state == ConnectionState.Stopped)
            {
                return;
            }

            OnSignal(signal);
        }

        if (step.Forward is { } forward && _generation == generation)
        {
            Route(forward, frame.Frame);
        }
    }

    private void Route(VenueInbound inbound, byte[] frame)
    {
        if (inbound.CorrelationKey is { } key)
        {
            if (_sharedTransport is not null && !key.StartsWith(_cids.Prefix + "-", StringComparison.Ordinal))
            {
                return;
            }

            if (key.Length == 0)
            {
                Problem("a reply without a correlation key belongs to no request");
            }
            else
            {
                _correlator.Tell(new CorrelatorActor.Match(key, inbound), Self);
            }

            return;
        }

        if (!inbound.OrderUpdates.IsDefaultOrEmpty)
        {
            _orders.Tell(new VenueReports(inbound.OrderUpdates) { RawFrame = frame }, Self);
        }

        if (!inbound.BookEvents.IsDefaultOrEmpty)
        {
            _orders.Tell(new BookEvents(inbound.BookEvents), Self);
        }

        foreach (var e in inbound.Events)
        {
            if (e is not ConnectionStateChanged)
            {
                PublishAccountEvent(e);
            }
        }

        if (inbound.Problem is { } problem)
        {
            Problem(problem);
        }
    }

    private void Problem(string problem)
    {
        _problems++;
        LogProblem(_log, _login, problem, _problems);
    }

    private void OnSignal(SessionSignal signal)
    {
        switch (signal)
        {
            case SessionOpened:
                Timers.Cancel(LoginTimeoutKey);
                LogSessionAccepted(_log, _login);
                break;
            case SessionRefused { IsFatal: true } refused:
                StopFatal(null, $"login refused: {refused.Reason}");
                break;
            case SessionRefused refused:
                ConnectionLost($"login refused: {refused.Reason}");
                break;
            case VenueStateReported { Readiness: VenueReadiness.Fatal } fatal:
                StopFatal(fatal.Event.VenueCode, fatal.Event.VenueText ?? "fatal venue state");
                break;
            case VenueStateReported { Readiness: VenueReadiness.NotReady } notReady:
                OnVenueNotReady(notReady.Event);
                break;
            case VenueStateReported ready:
                BeginReadiness(ready.Event);
                break;
            case RateUsageReported usage:
                _budget.Tell(new RateBudgetActor.SyncWindow(usage.Window, usage.Count, usage.Period), Self);
                break;
            case RateLimitsChanged limits:
                _budget.Tell(new RateBudgetActor.LimitsChanged(limits.Windows, limits.Source), Self);
                break;
            case SendingPaused paused:
                LogSendingPaused(_log, _login, paused.Until, paused.Reason);
                _budget.Tell(new RateBudgetActor.PauseUntil(paused.Until), Self);
                break;
            case SendSessionFrame session when _socketOpen:
                LogSessionFrame(_log, _login, session.Operation);
                Send(session.Frame.Span);
                break;
            case ReconnectRequested reconnect:
                ConnectionLost(reconnect.Reason);
                break;
        }
    }

    private void OnVenueNotReady(ConnectionStateChanged venue)
    {
        _readinessRound++;
        var text = $"venue state {venue.VenueCode}: {venue.VenueText}";
        _orders.Tell(NotReady(text), Self);
        if (_state == ConnectionState.Ready)
        {
            Timers.Cancel(ReconcileKey);
            Transition(ConnectionState.Reconnecting, venue.VenueCode, venue.VenueText);
            Become(VenueNotReady);
        }
        else
        {
            Transition(_state, venue.VenueCode, venue.VenueText);
        }
    }

    /// <summary>READY: read the symbol rules first; orders may go once they are in (or failed).</summary>
    private void BeginReadiness(ConnectionStateChanged venue)
    {
        _readinessRound++;
        _readyState = (venue.VenueCode, venue.VenueText);
        _loadingRules = _rules;
        var queries = _behavior.ReadinessQueries();
        _readinessPending = queries.Length;
        if (_readinessPending == 0)
        {
            EnterReady();
            return;
        }

        foreach (var query in queries)
        {
            Dispatch(query, new ReadinessPurpose(_readinessRound));
        }
    }

    private void OnReadinessAnswered(ReadinessPurpose purpose, VenueReply? reply, string? unknownReason)
    {
        if (purpose.Round != _readinessRound)
        {
            return;
        }

        if (reply is SymbolRulesListedReply rules)
        {
            _loadingRules = _loadingRules.SetItem(rules.Rules.Symbol, rules.Rules);
        }
        else
        {
            LogRulesNotRead(_log, _login, Describe(reply, unknownReason));
        }

        if (--_readinessPending == 0)
        {
            EnterReady();
        }
    }

    private void EnterReady()
    {
        _rules = _loadingRules;
        _reconnectAttempt = 0;
        _orders.Tell(new ConnectionReadiness(true, $"login {_login} is ready", _rules) { CanQueryOrderStatus = _behavior.CanQueryOrderStatus }, Self);
        if (_state == ConnectionState.Ready)
        {
            LogReadyAgain(_log, _login);
        }
        else
        {
            Transition(ConnectionState.Ready, _readyState.Code, _readyState.Text);
            Become(Ready);
            Stash.UnstashAll();
        }

        if (_options.ReconcileInterval > TimeSpan.Zero)
        {
            Timers.StartPeriodicTimer(ReconcileKey, new ReconcileTick(), _options.ReconcileInterval);
        }

        Reconcile("after READY");
    }

    private void Reconcile(string source)
    {
        foreach (var query in _behavior.ReconcileQueries())
        {
            Dispatch(query, new ReconcilePurpose(source));
        }
    }

    /// <summary>
    /// Publishes a venue's account event on the event stream; a reconciled balance also goes to this login's book, which
    /// judges orders that vanished while the engine was away by it. The book gets it from here rather than from the
    /// stream, so a thousand logins do not hand each book a thousand logins' balances.
    /// </summary>
    private void PublishAccountEvent(object e)
    {
        Context.System.EventStream.Publish(e);
        if (e is Engine.Messages.Accounts.BalanceChanged { IsReconciliation: true })
        {
            _orders.Tell(e, Self);
        }
    }

    private void OnReconcileAnswered(ReconcilePurpose purpose, VenueReply? reply, string? unknownReason)
    {
        var now = Now;
        switch (reply)
        {
            case OpenOrdersListedReply open:
                _orders.Tell(new ReconcileOpenOrders(open.Symbol, open.Orders, now, $"open_orders {purpose.Source}") { ExternalOrders = _options.ExternalOrders }, Self);
                break;
            case BalancesListedReply balances:
                foreach (var balance in balances.Balances)
                {
                    PublishAccountEvent(new Engine.Messages.Accounts.BalanceChanged(_login, now, balance, IsReconciliation: true));
                }

                break;
            case PositionListedReply position:
                Context.System.EventStream.Publish(new Engine.Messages.Accounts.PositionChanged(_login, now, position.Position, IsReconciliation: true));
                break;
            default:
                LogReconcileFailed(_log, _login, purpose.Source, Describe(reply, unknownReason));
                break;
        }
    }

    private static string Describe(VenueReply? reply, string? unknownReason) => reply switch
    {
        RequestRefusedReply r => r.Reason,
        UnreadableReply u => u.Reason,
        null => unknownReason ?? "outcome unknown",
        _ => reply.GetType().Name,
    };
}
