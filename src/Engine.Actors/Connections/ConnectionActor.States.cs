using System.Buffers;
using Akka.Actor;
using Engine.Actors.Budget;
using Engine.Actors.Connections.Policies;
using Engine.Actors.Orders.Protocol;
using Engine.Actors.Runtime;
using Engine.Actors.Venues;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;

namespace Engine.Actors.Connections;

/// <summary>The states: one method each registers what the state accepts; shared handlers come last.</summary>
public sealed partial class ConnectionActor
{
    private void StartConnecting()
    {
        _generation++;
        _socketOpen = false;
        _loginKey = null;
        Transition(ConnectionState.Connecting);
        _transport.Tell(new TransportActor.Connect(_behavior.Endpoint, _generation), Self);
        _sharedTransport?.Tell(new SharedTransportActor.RouteTo(_cids.Prefix), Self);
        Become(Connecting);
    }

    /// <summary>Opening the socket; on success the login frame goes out.</summary>
    private void Connecting()
    {
        Receive<TransportActor.Connected>(c => c.Generation == _generation, _ => OnConnected());
        Receive<TransportActor.Closed>(c => c.Generation == _generation, c =>
        {
            if (_behavior.FatalConnectRefusal(c.Reason, c.UpgradeStatus) is { } fatal)
            {
                StopFatal(null, fatal);
            }
            else
            {
                ConnectionLost(c.Reason);
            }
        });
        Shared();
    }

    /// <summary>Logged in or logging in; waiting for the venue's READY and the symbol rules.</summary>
    private void Authenticating()
    {
        SocketOpen();
        Receive<LoginTimeout>(t => t.Generation == _generation, _ => ConnectionLost($"no login reply within {_behavior.RequestTimeout}"));
        Shared();
    }

    /// <summary>Trading: the book's requests and the strategies' queries go out through the budget.</summary>
    private void Ready()
    {
        SocketOpen();
        Shared();
    }

    /// <summary>
    /// Published as <see cref="ConnectionState.Reconnecting"/>: the socket is gone and a backoff timer will open a new
    /// one. Frames, closes and heartbeats of the dead socket carry an older generation and are dropped.
    /// </summary>
    private void AwaitingReconnect()
    {
        Receive<ReconnectTick>(t => t.Generation == _generation, _ => StartConnecting());
        Shared();
    }

    /// <summary>
    /// Published as <see cref="ConnectionState.Reconnecting"/>: the socket is open and logged in, but the venue said
    /// "not ready"; the next READY restores trading without a new login, a lost socket goes to
    /// <see cref="AwaitingReconnect"/>.
    /// </summary>
    private void VenueNotReady()
    {
        SocketOpen();
        Shared();
    }

    /// <summary>Stopped for good (fatal venue state or drained): answers everything with a refusal.</summary>
    private void Stopped()
    {
        Receive<TransportActor.Closed>(_ => { });
        Shared();
    }

    private void SocketOpen()
    {
        Receive<TransportActor.FrameReceived>(f => f.Generation == _generation, OnFrame);
        Receive<TransportActor.Closed>(c => c.Generation == _generation, c => ConnectionLost(
            c.Status is { } status ? $"socket closed by the venue ({(int)status} {status}) {c.Reason}".TrimEnd() : c.Reason));
        Receive<HeartbeatActor.PingDue>(p => p.Generation == _generation, p =>
        {
            var buffer = new ArrayBufferWriter<byte>(64);
            if (_socketOpen && _behavior.WritePing(p.At, buffer))
            {
                Send(buffer.WrittenSpan);
            }
        });
        Receive<HeartbeatActor.Dead>(d => d.Generation == _generation, OnSilence);
    }

    /// <summary>
    /// The heartbeat heard of no frame for its idle timeout. It is told of frames only here: when one came since it
    /// last heard, it resumes from that frame's time (and asks again when that one is the idle timeout old);
    /// otherwise the socket is dead.
    /// </summary>
    private void OnSilence(HeartbeatActor.Dead silence)
    {
        if (Now - _lastFrameAt < silence.Silence)
        {
            _heartbeat.Tell(new HeartbeatActor.Activity(_lastFrameAt), Self);
            return;
        }

        ConnectionLost($"no frame from the venue for {silence.Silence}", socketDead: true);
    }

    /// <summary>Handlers every state shares, registered after the state's own.</summary>
    private void Shared()
    {
        Receive<RateBudgetActor.Granted>(OnGranted);
        Receive<CorrelatorActor.Matched>(OnMatched);
        Receive<CorrelatorActor.TimedOut>(OnTimedOut);
        Receive<CorrelatorActor.AllFailed>(OnAllFailed);
        Receive<RateBudgetActor.Cleared>(OnCleared);
        Receive<SubmitOrder>(m => _orders.Forward(m));
        Receive<SubmitOrders>(m => _orders.Forward(m));
        Receive<CancelOrder>(m => _orders.Forward(m));
        Receive<CancelAllOrders>(m => _orders.Forward(m));
        Receive<SendPlace>(OnSendPlace);
        Receive<SendCancel>(OnSendCancel);
        Receive<SendVenueRequest>(OnSendVenueRequest);
        Receive<Engine.Messages.Tasks.ITaskCommand>(m => _orders.Forward(m));
        Receive<Engine.Messages.Tasks.ITaskQuery>(m => _orders.Forward(m));
        Receive<QueryOpenOrders>(q => OnQuery(q, new OpenOrdersVenueRequest(q.Symbol)));
        Receive<QueryBalances>(q => OnQuery(q, new BalancesVenueRequest()));
        Receive<QueryPosition>(q => OnQuery(q, new PositionVenueRequest(q.Symbol)));
        Receive<QuerySymbolInfo>(q => OnQuery(q, new SymbolInfoVenueRequest(q.Symbol)));
        Receive<ResolutionNeeded>(OnResolutionNeeded);
        Receive<Drain>(OnDrain);
        Receive<DrainTimeout>(_ => OnDrainTimeout());
        Receive<DrainRetry>(_ => OnDrainRetry());
        Receive<Orders.OrdersView>(OnDrainBookSettled);
        Receive<Orders.Protocol.SessionRecorded>(OnSessionRecorded);
        Receive<ReconcileTick>(_ =>
        {
            if (_state == ConnectionState.Ready)
            {
                Reconcile("periodic");
            }
        });
        Receive<GetProblemCount>(_ => Sender.Tell(_problems, Self));
        Receive<TransportActor.FrameReceived>(_ => { });
        Receive<TransportActor.Closed>(_ => { });
        Receive<TransportActor.Connected>(_ => { });
        Receive<HeartbeatActor.PingDue>(_ => { });
        Receive<HeartbeatActor.Dead>(_ => { });
        Receive<ReconnectTick>(_ => { });
        Receive<LoginTimeout>(_ => { });
    }

    private void OnConnected()
    {
        _socketOpen = true;
        var now = Now;
        _lastFrameAt = now;
        _heartbeat.Tell(new HeartbeatActor.Start(_behavior.CreateHeartbeat(now), _generation), Self);
        _loginKey = _cids.Next();
        var buffer = new ArrayBufferWriter<byte>(256);
        _behavior.WriteLogin(_loginKey, now, buffer);
        Send(buffer.WrittenSpan);
        Timers.StartSingleTimer(LoginTimeoutKey, new LoginTimeout(_generation), _behavior.RequestTimeout);
        Transition(ConnectionState.Authenticating);
        Become(Authenticating);
    }

    private void ConnectionLost(string reason, bool socketDead = false)
    {
        if (_state == ConnectionState.Stopped)
        {
            return;
        }

        LogConnectionLost(_log, _login, reason);
        CloseSession(reason, logout: false, socketDead);
        if (_drain is not null)
        {
            OnConnectionLostWhileDraining(reason);
            return;
        }

        TimeSpan delay;
        var random = Context.Engine().Random;
        lock (random)
        {
            delay = ReconnectBackoff.Delay(_reconnectAttempt, _options.ReconnectMinBackoff, _options.ReconnectMaxBackoff, _options.ReconnectRandomFactor, random);
        }

        _reconnectAttempt++;
        Transition(ConnectionState.Reconnecting, venueText: $"{reason}; reconnecting in {delay}");
        Timers.StartSingleTimer(ReconnectKey, new ReconnectTick(_generation), delay);
        Become(AwaitingReconnect);
    }

    /// <summary>Ends the current socket: newer generation, pending requests unknown, queued ones not sent, book not ready.</summary>
    private void CloseSession(string reason, bool logout, bool socketDead = false)
    {
        if (logout && _socketOpen)
        {
            var buffer = new ArrayBufferWriter<byte>(128);
            if (_behavior.WriteLogout(_cids.Next(), buffer))
            {
                Send(buffer.WrittenSpan);
            }
        }

        _generation++;
        _socketOpen = false;
        _loginKey = null;
        _readinessRound++;
        Timers.Cancel(LoginTimeoutKey);
        Timers.Cancel(ReconcileKey);
        _transport.Tell(new TransportActor.Close(reason, ForEveryone: socketDead), Self);
        _heartbeat.Tell(HeartbeatActor.Suspend.Instance, Self);
        _behavior.OnDisconnected();
        _correlator.Tell(new CorrelatorActor.FailAll(reason), Self);
        _budget.Tell(RateBudgetActor.Clear.Instance, Self);
        _orders.Tell(NotReady(reason), Self);
    }

    private void StopFatal(int? venueCode, string text)
    {
        LogStoppedFatal(_log, _login, venueCode, text);
        CloseSession($"fatal venue error: {text}", logout: true);
        Transition(ConnectionState.Stopped, venueCode, text, isFatal: true);
        Become(Stopped);
        Context.Stop(Self);
    }
}
