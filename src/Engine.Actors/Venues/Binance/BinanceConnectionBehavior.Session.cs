using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using Engine.Messages.Connectivity;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Venues.Binance;

/// <summary>Inbound frames: session step replies, budget feedback, stream ends, shutdowns and bans.</summary>
public sealed partial class BinanceConnectionBehavior
{
    /// <summary>
    /// Decodes one frame and sorts it. Replies to session steps are consumed (and drive the next step);
    /// every response's <c>rateLimits</c>, 429 and -1021 become signals before the reply is forwarded; a 418
    /// or a revoked key stops the login; <c>eventStreamTerminated</c> resubscribes; <c>serverShutdown</c> and
    /// the session lifetime reconnect. Never throws.
    /// </summary>
    public SessionStep Receive(ReadOnlySpan<byte> frame, string? loginKey, DateTimeOffset now)
    {
        var decoded = _venue.DecodeDetailed(frame, now);
        var signals = ImmutableArray.CreateBuilder<SessionSignal>();
        Feedback(decoded, now, signals);
        var forward = (VenueInbound?)decoded.Inbound;
        switch (decoded.Signal)
        {
            case BinanceSessionSignal.Resubscribe:
                _venue.SubscriptionId = null;
                if (_opened)
                {
                    signals.Add(Subscribe(now));
                }

                forward = null;
                break;
            case BinanceSessionSignal.Reconnect:
                signals.Add(new ReconnectRequested("Binance announced serverShutdown"));
                forward = null;
                break;
        }

        if (decoded.Inbound.Events.OfType<ConnectionStateChanged>().FirstOrDefault(e => e.IsFatal) is { } fatal)
        {
            signals.Add(new VenueStateReported(fatal, VenueReadiness.Fatal));
        }

        if (decoded.Inbound.ReplyPayload is W.Response { Id: { } id } response && _pending.Remove(id, out var pending))
        {
            StepAnswered(pending, response, now, signals);
            forward = null;
        }

        if (_opened && !_lifetimeReached && now - _connectedAt >= _options.SessionLifetime)
        {
            _lifetimeReached = true;
            signals.Add(new ReconnectRequested($"session lifetime {_options.SessionLifetime} reached; replacing the connection before Binance's 24 h cut"));
        }

        return new SessionStep(signals.ToImmutable(), forward);
    }

    private void Feedback(BinanceDecoded decoded, DateTimeOffset now, ImmutableArray<SessionSignal>.Builder signals)
    {
        var feedback = decoded.Feedback;
        foreach (var limit in feedback.RateLimits)
        {
            if (limit.Count is { } count)
            {
                signals.Add(new RateUsageReported(limit.RateLimitType, count, limit.Period));
            }
        }

        if (feedback.PauseUntil is { } pause)
        {
            _pausedUntil = pause > _pausedUntil ? pause : _pausedUntil;
            var reason = decoded.Inbound.ReplyPayload is W.Response { Error: { } error } ? $"{error.Code}: {error.Msg}" : "429";
            signals.Add(new SendingPaused(pause, reason));
        }

        if (feedback.ResyncTime)
        {
            _venue.Clock.Clear();
            signals.Add(Frame(Step.Clock, now, (key, output) => BinanceVenue.EncodeTime(key, output), W.Methods.Time));
        }
    }

    private void StepAnswered(PendingStep pending, W.Response response, DateTimeOffset now, ImmutableArray<SessionSignal>.Builder signals)
    {
        switch (pending.Step)
        {
            case Step.LoginTime:
            case Step.Clock:
                if (response.IsSuccess && response.Result is { } result && BinanceCodec.ReadServerTime(result) is { } serverTime)
                {
                    _venue.Clock.AddSample(pending.SentAt, now, serverTime);
                }

                if (pending.Step == Step.LoginTime)
                {
                    signals.Add(SignsWithEd25519 ? Logon(now) : Subscribe(now));
                }

                break;
            case Step.Logon when response.IsSuccess:
                _venue.IsLoggedOn = true;
                signals.Add(Subscribe(now));
                break;
            case Step.Logon:
                signals.Add(Refused("session.logon", response));
                break;
            case Step.Subscribe:
                Subscribed(BinanceMapper.ToSubscription(response), response, now, signals);
                break;
        }
    }

    private void Subscribed(BinanceSubscription subscription, W.Response response, DateTimeOffset now, ImmutableArray<SessionSignal>.Builder signals)
    {
        switch (subscription.Outcome)
        {
            case BinanceSubscribeOutcome.Subscribed:
            case BinanceSubscribeOutcome.AlreadyActive:
                _venue.SubscriptionId = subscription.SubscriptionId ?? _venue.SubscriptionId;
                var id = _venue.SubscriptionId?.ToString(CultureInfo.InvariantCulture);
                var text = $"user data stream subscribed (subscription {id ?? "?"})";
                if (!_opened)
                {
                    _opened = true;
                    signals.Add(new SessionOpened(id ?? _login.Value));
                }

                signals.Add(new VenueStateReported(new ConnectionStateChanged(_login, now, ConnectionState.Ready, response.Status, text), VenueReadiness.Ready));
                break;
            case BinanceSubscribeOutcome.Reconnect:
                signals.Add(new ReconnectRequested($"Binance: {subscription.Reason}"));
                break;
            default:
                signals.Add(_opened ? new ReconnectRequested($"resubscribe failed: {subscription.Reason}") : Refused("userDataStream.subscribe", response));
                break;
        }
    }

    private bool SignsWithEd25519 => _options.KeyType == BinanceKeyType.Ed25519;

    private SendSessionFrame Logon(DateTimeOffset now) =>
        Frame(Step.Logon, now, (key, output) => _venue.EncodeLogon(key, output), W.Methods.SessionLogon);

    private SendSessionFrame Subscribe(DateTimeOffset now) =>
        Frame(Step.Subscribe, now, (key, output) => _venue.EncodeSubscribe(key, output), W.Methods.Subscribe);

    private SendSessionFrame Frame(Step step, DateTimeOffset now, Action<string, IBufferWriter<byte>> write, string operation)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        write(Track(step, now), buffer);
        return new SendSessionFrame(buffer.WrittenMemory.ToArray(), operation);
    }

    /// <summary>A refused session step: bad keys and signatures are fatal; time, 5xx, limits and -1021 are retried by reconnecting.</summary>
    private static SessionRefused Refused(string method, W.Response response)
    {
        var error = BinanceMapper.ClassifyError(response);
        var reason = $"{method}: {error?.Reason ?? $"status {response.Status}"}";
        return new SessionRefused(reason, IsFatal: error?.Kind is BinanceErrorKind.Rejected or BinanceErrorKind.SessionRevoked);
    }
}
