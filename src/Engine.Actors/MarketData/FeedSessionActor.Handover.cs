using Akka.Actor;
using Engine.Actors.Connections;

namespace Engine.Actors.MarketData;

/// <summary>
/// Make-before-break replacement (before the venue's 24 h cut and on its <c>serverShutdown</c>): the next socket opens
/// and subscribes beside the live one, which keeps streaming; <see cref="FeedHandover"/> picks the frame where the next
/// one takes over, then the live one is closed. Books keep their state: the next socket continues the same update ids.
/// If the next socket fails or is not subscribed within <see cref="HandoverTimeout"/>, the live one stays and the
/// handover is tried again after the minimum backoff; if the live one ends first, the next one takes over at once (or,
/// not yet subscribed, both go and the session reconnects).
/// Demand changes during the overlap are recorded and sent on the socket that is live after it.
/// </summary>
public sealed partial class FeedSessionActor
{
    private const string HandoverKey = "handover";
    private const string HandoverControlKey = "handover-control";

    /// <summary>How long the two sockets may overlap before the switch happens without a common frame.</summary>
    private static readonly TimeSpan HandoverTimeout = TimeSpan.FromSeconds(10);

    private readonly Queue<byte[]> _nextControl = new();
    private IActorRef _nextTransport = ActorRefs.Nobody;
    private ControlGate _nextGate = null!;
    private FeedHandover? _handover;

    private void HandOver(string reason)
    {
        if (_handover is not null)
        {
            return;
        }

        var generation = ++_lastGeneration;
        LogHandingOver(_log, _feedId, reason, generation);
        _handover = new FeedHandover(generation, [.. _active]);
        _nextGate = new ControlGate(_options.MaxControlMessagesPerSecond);
        _nextControl.Clear();
        _nextTransport = Context.ActorOf(TransportActor.Props(_socketFactory, Self), $"transport-{generation}");
        _nextTransport.Tell(new TransportActor.Connect(_codec.ConnectUri, generation), Self);
        Timers.Cancel(AgeKey);
        Timers.StartSingleTimer(HandoverKey, new HandoverDue(generation), HandoverTimeout);
        Become(HandingOver);
    }

    private void HandingOver()
    {
        var next = _handover!.Generation;
        Receive<FeedDemand>(SetDemand);
        Receive<TransportActor.Connected>(c => c.Generation == next, _ => OnNextConnected());
        Receive<TransportActor.FrameReceived>(f => f.Generation == next, OnNextFrame);
        Receive<TransportActor.Closed>(c => c.Generation == next, c => AbandonHandover($"the next socket closed: {c.Reason}"));
        Receive<HandoverDue>(h => h.Generation == next, _ =>
        {
            if (_handover!.Subscribed)
            {
                SwitchOver($"no frame common to both sockets within {HandoverTimeout}");
            }
            else
            {
                AbandonHandover($"the next socket was not subscribed within {HandoverTimeout}");
            }
        });
        Receive<HandoverControlDue>(_ => FlushNext());
        Receive<TransportActor.FrameReceived>(f => f.Generation == _generation, f =>
        {
            OnFrame(f);
            if (_handover is { } handover)
            {
                handover.Live(f.Frame);
                if (handover.Ready)
                {
                    SwitchOver("both sockets carried the same frame");
                }
            }
        });
        Receive<TransportActor.Closed>(c => c.Generation == _generation, c =>
        {
            if (_handover!.Subscribed)
            {
                SwitchOver($"the live socket closed first: {c.Reason}");
                return;
            }

            AbandonHandover("the live socket closed before the next one was subscribed");
            Lost($"socket closed ({c.Status?.ToString() ?? "no close frame"}): {c.Reason}");
        });
        Receive<TransportActor.FrameReceived>(_ => { });
        Receive<TransportActor.Closed>(_ => { });
        Receive<TransportActor.Connected>(_ => { });
        Receive<ControlDue>(_ => Flush());
        Receive<IdleCheck>(_ => { });
        Receive<SnapshotFetched>(s => s.Generation == _generation, OnSnapshot);
        Receive<SnapshotFailed>(s => s.Generation == _generation, OnSnapshotFailed);
        Receive<SnapshotRetry>(r => r.Generation == _generation, r => Fetch(r.Symbol));
        ReceiveStale();
    }

    private void OnNextConnected()
    {
        foreach (var batch in _handover!.Topics.Order(StringComparer.Ordinal).Chunk(200))
        {
            var id = _nextControlId++;
            _handover.Subscribing(id);
            _nextControl.Enqueue(_codec.EncodeSubscribe(batch, id));
        }

        _handover.AllSent();
        FlushNext();
    }

    private void FlushNext()
    {
        while (_nextControl.Count > 0)
        {
            var now = Now;
            if (!_nextGate.TryTake(now))
            {
                Timers.StartSingleTimer(HandoverControlKey, HandoverControlDue.Instance, _nextGate.NextAt(now) - now);
                return;
            }

            _nextTransport.Tell(new TransportActor.Send(_nextControl.Dequeue()), Self);
        }
    }

    private void OnNextFrame(TransportActor.FrameReceived received)
    {
        var handover = _handover!;
        FeedInbound inbound;
        try
        {
            inbound = _codec.Decode(received.Frame, received.ReceivedAt);
        }
        catch (FormatException)
        {
            // The live socket logs the same frame; held, it is skipped again after the switch.
            handover.Next(received.Frame, received.ReceivedAt);
            return;
        }

        switch (inbound)
        {
            case FeedInbound.ControlReply { Error: { } error } reply when handover.Confirmed(reply.Id):
                LogControlRefused(_log, _feedId, reply.Id, error);
                AbandonHandover($"the next socket's subscription was refused: {error}");
                return;
            case FeedInbound.ControlReply reply when handover.Confirmed(reply.Id):
                return;
            case FeedInbound.ControlReply or FeedInbound.ServerShutdown:
                return;
        }

        handover.Next(received.Frame, received.ReceivedAt);
        if (handover.Ready)
        {
            SwitchOver("both sockets carried the same frame");
        }
    }

    /// <summary>The next socket becomes the live one: the old one closes, the held frames are processed, demand changes made meanwhile are sent.</summary>
    private void SwitchOver(string how)
    {
        var handover = _handover!;
        var frames = handover.TakeOver();
        _handover = null;
        Timers.Cancel(HandoverKey);
        Timers.Cancel(HandoverControlKey);
        Timers.Cancel(ControlKey);
        Timers.Cancel(IdleKey);
        _transport.Tell(new TransportActor.Close("replaced by a newer socket", ForEveryone: true), Self);
        _transport.Tell(PoisonPill.Instance, Self);
        _transport = _nextTransport;
        _nextTransport = ActorRefs.Nobody;
        _generation = handover.Generation;
        _active.Clear();
        _active.UnionWith(handover.Topics);
        _control.Clear();
        while (_nextControl.Count > 0)
        {
            _control.Enqueue(_nextControl.Dequeue());
        }

        _gate = _nextGate;
        _lastFrame = Now;
        LogHandedOver(_log, _feedId, _generation, how, frames.Count);
        Timers.StartSingleTimer(AgeKey, new AgeReached(_generation), _options.MaxConnectionAge);
        if (_options.IdleTimeout > TimeSpan.Zero)
        {
            Timers.StartPeriodicTimer(IdleKey, IdleCheck.Instance, _options.IdleTimeout);
        }

        Become(Streaming);
        foreach (var (frame, at) in frames)
        {
            OnFrame(new TransportActor.FrameReceived(_generation, frame, at));
        }

        // Snapshot fetches of the old generation are dropped when they return: ask again on this one.
        foreach (var symbol in _fetching.ToList())
        {
            _fetching.Remove(symbol);
            Fetch(symbol);
        }

        Sync();
    }

    private void AbandonHandover(string reason)
    {
        var handover = _handover!;
        _handover = null;
        Timers.Cancel(HandoverKey);
        Timers.Cancel(HandoverControlKey);
        _nextControl.Clear();
        _nextTransport.Tell(new TransportActor.Close("handover abandoned", ForEveryone: true), Self);
        _nextTransport.Tell(PoisonPill.Instance, Self);
        _nextTransport = ActorRefs.Nobody;
        LogHandoverAbandoned(_log, _feedId, handover.Generation, reason, _options.ReconnectMinBackoff);
        Timers.StartSingleTimer(AgeKey, new AgeReached(_generation), _options.ReconnectMinBackoff);
        Become(Streaming);
        Sync();
    }

    private sealed record HandoverDue(int Generation);

    private sealed record HandoverControlDue
    {
        public static readonly HandoverControlDue Instance = new();
    }
}
