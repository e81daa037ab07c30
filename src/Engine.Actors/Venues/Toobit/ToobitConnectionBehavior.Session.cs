using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using Engine.Actors.Connections.Http;
using Engine.Messages.Connectivity;
using Engine.Messages.Wire;

namespace Engine.Actors.Venues.Toobit;

/// <summary>Inbound frames: session step replies, the stream's open and heartbeat, rate-limit feedback, keep-alive and lifetime.</summary>
public sealed partial class ToobitConnectionBehavior
{
    /// <summary>
    /// Decodes one transport frame and sorts it. Replies to session steps are consumed and drive the next step; 429,
    /// 418 and -1021 become signals before the reply is forwarded; the stream's open declares the login ready; a
    /// server ping is answered; the keep-alive, the pong deadline and the session lifetime are checked on every frame.
    /// Never throws.
    /// </summary>
    public SessionStep Receive(ReadOnlySpan<byte> frame, string? loginKey, DateTimeOffset now)
    {
        var signals = ImmutableArray.CreateBuilder<SessionSignal>();
        var kind = HttpTransportFrame.KindOf(frame);
        var inbound = _venue.Decode(frame, now);
        VenueInbound? forward = inbound;
        if (kind == HttpTransportFrame.StreamOpened)
        {
            StreamOpened(now, signals);
            forward = null;
        }
        else if (inbound.IsHeartbeat)
        {
            Heartbeat(HttpTransportFrame.Payload(frame), signals);
            forward = null;
        }
        else if (inbound.ReplyPayload is ToobitHttpReply reply)
        {
            Feedback(reply, now, signals);
            if (inbound.CorrelationKey is { } key && _pending.Remove(key, out var pending))
            {
                forward = StepAnswered(pending, reply, now, signals);
            }
        }

        Upkeep(now, signals);
        return new SessionStep(signals.ToImmutable(), forward);
    }

    private void StreamOpened(DateTimeOffset now, ImmutableArray<SessionSignal>.Builder signals)
    {
        _opened = true;
        _streamOpenedAt = now;
        _lastKeepAlive = now;
        _pingSentAt = null;
        signals.Add(new SessionOpened("user data stream"));
        foreach (var (symbol, leverage) in _options.Leverage)
        {
            signals.Add(Frame(Step.Leverage, now, ToobitMapper.ToLeverage(symbol, leverage), symbol));
        }

        signals.Add(new VenueStateReported(new ConnectionStateChanged(_login, now, ConnectionState.Ready, null, "user data stream open"), VenueReadiness.Ready));
    }

    /// <summary>A pong clears the deadline; a server ping is answered with the same value.</summary>
    private void Heartbeat(ReadOnlySpan<byte> payload, ImmutableArray<SessionSignal>.Builder signals)
    {
        using var doc = PooledJsonDocument.Parse(payload);
        if (doc.RootElement.TryGetProperty("pong", out _))
        {
            _pingSentAt = null;
        }
        else if (doc.RootElement.TryGetProperty("ping", out var ping))
        {
            var buffer = new ArrayBufferWriter<byte>(32);
            HttpTransportFrame.WriteStream(HttpTransportFrame.StreamSend, System.Text.Encoding.UTF8.GetBytes("{\"pong\":" + ping.GetRawText() + "}"), buffer);
            signals.Add(new SendSessionFrame(buffer.WrittenMemory.ToArray(), "pong"));
        }
    }

    private void Feedback(ToobitHttpReply reply, DateTimeOffset now, ImmutableArray<SessionSignal>.Builder signals)
    {
        var error = ToobitCodec.ReadError(reply.Body);
        if (ToobitMapper.ToWindows(ToobitCodec.ReadRateLimits(reply.Body)) is { Length: > 0 } windows && !windows.SequenceEqual(_publishedLimits))
        {
            _publishedLimits = windows;
            signals.Add(new RateLimitsChanged(windows, "exchangeInfo.rateLimits"));
        }

        if (reply.Status == 429)
        {
            signals.Add(new SendingPaused(now + (reply.RetryAfter ?? _options.RateLimitPause), $"HTTP 429 {error?.Code}: {error?.Message}".TrimEnd(' ', ':')));
        }
        else if (reply.Status == 418)
        {
            _bans++;
            var until = now + (reply.RetryAfter ?? _options.BanPause);
            signals.Add(new SendingPaused(until, $"HTTP 418 (IP banned) {error?.Code}: {error?.Message}".TrimEnd(' ', ':')));
            if (_bans >= 2)
            {
                signals.Add(new VenueStateReported(
                    new ConnectionStateChanged(_login, now, ConnectionState.Stopped, 418, $"Toobit banned the IP again (HTTP 418) until {until:yyyy-MM-dd'T'HH:mm:ss'Z'}: stopping this login", IsFatal: true),
                    VenueReadiness.Fatal));
            }
        }
        else if (error?.Code == "-1021")
        {
            signals.Add(Frame(Step.Clock, now, TimeCall));
        }
    }

    /// <summary>Acts on a session step's reply; returns what to forward (a problem for people) or null.</summary>
    private VenueInbound? StepAnswered(PendingStep pending, ToobitHttpReply reply, DateTimeOffset now, ImmutableArray<SessionSignal>.Builder signals)
    {
        var error = ToobitCodec.ReadError(reply.Body);
        var ok = reply.Failure is null && reply.IsHttpSuccess && error is null;
        var why = reply.Failure ?? (error is { } e ? $"{e.Code}: {e.Message}" : $"HTTP {reply.Status}");
        switch (pending.Step)
        {
            case Step.LoginTime or Step.Clock when ok && ToobitCodec.ReadServerTime(reply.Body) is { } serverMs:
                var midpoint = pending.SentAt + ((now - pending.SentAt) / 2);
                _venue.ServerOffset = DateTimeOffset.FromUnixTimeMilliseconds(serverMs) - midpoint;
                if (pending.Step == Step.LoginTime)
                {
                    signals.Add(Frame(Step.ListenKey, now, ListenKeyCall("POST", null)));
                }

                return null;
            case Step.LoginTime:
                signals.Add(new SessionRefused($"GET {ToobitPaths.Time}: {why}", IsFatal: false));
                return null;
            case Step.Clock:
                return new VenueInbound { Problem = $"server time re-read failed: {why}" };
            case Step.ListenKey when ok && ToobitCodec.Text(reply.Body, "listenKey") is { Length: > 0 } key:
                _listenKey = key;
                var buffer = new ArrayBufferWriter<byte>(128);
                HttpTransportFrame.WriteOpenStream(new Uri(_options.EffectiveStreamUrl, ToobitPaths.Stream + key), buffer);
                signals.Add(new SendSessionFrame(buffer.WrittenMemory.ToArray(), "open user data stream"));
                return null;
            case Step.ListenKey:
                var fatal = reply.Status == 401 || error?.Code is "-2014" or "-2015" or "-1022" or "-2017";
                signals.Add(new SessionRefused($"POST {ToobitPaths.UserDataStream}: {why}", fatal));
                return null;
            case Step.KeepAlive when error?.Code == "-1125":
                signals.Add(new ReconnectRequested($"the listen key is no longer valid ({why})"));
                return null;
            case Step.KeepAlive when !ok:
                return new VenueInbound { Problem = $"listen key keep-alive failed: {why}" };
            case Step.Leverage when !ok:
                return new VenueInbound { Problem = $"setting the leverage of {pending.Detail} failed: {why}" };
            default:
                return null;
        }
    }

    private void Upkeep(DateTimeOffset now, ImmutableArray<SessionSignal>.Builder signals)
    {
        if (!_opened)
        {
            return;
        }

        if (_pingSentAt is { } pinged && now - pinged > _options.PongTimeout)
        {
            _pingSentAt = null;
            signals.Add(new ReconnectRequested($"no pong within {_options.PongTimeout} of the stream ping"));
            return;
        }

        if (_listenKey is { } key && now - _lastKeepAlive >= _options.KeepAliveInterval)
        {
            _lastKeepAlive = now;
            signals.Add(Frame(Step.KeepAlive, now, ListenKeyCall("PUT", key)));
        }

        if (!_lifetimeReached && now - _streamOpenedAt >= _options.SessionLifetime)
        {
            _lifetimeReached = true;
            signals.Add(new ReconnectRequested($"session lifetime {_options.SessionLifetime} reached; replacing the stream before Toobit's 24 h cut"));
        }
    }

    private SendSessionFrame Frame(Step step, DateTimeOffset now, ToobitCall call, string? detail = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        _venue.Write(call, Track(step, now, detail), buffer);
        return new SendSessionFrame(buffer.WrittenMemory.ToArray(), call.Operation);
    }
}
