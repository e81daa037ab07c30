using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Engine.Actors.Connections.Http;
using Engine.Actors.Orders;
using Engine.Messages;
using Engine.Messages.Accounts;
using Engine.Messages.Identifiers;
using Engine.Messages.Wire;
using W = Engine.Actors.Venues.Toobit.ToobitWire;

namespace Engine.Actors.Venues.Toobit;

/// <summary>
/// Toobit behind the <see cref="IVenueCodec"/> seam, for one login: REST calls become signed
/// <see cref="HttpTransportFrame.Request"/> frames for <see cref="HttpTransportActor"/> (the correlation key is the
/// request's own: each response answers its request), responses and stream messages are decoded here. Holds the
/// session state frames depend on: the server time offset (<see cref="ServerOffset"/>; <c>timestamp</c> is the engine
/// clock plus it) and the last known legs of each futures position (the stream reports one leg per event). Not
/// thread-safe: owned by the login's connection actor.
/// </summary>
public sealed class ToobitVenue : IVenueCodec
{
    private static readonly VenueId Id = new("toobit");

    private readonly LoginId _login;
    private readonly ToobitOptions _options;
    private readonly ToobitSigner _signer;
    private readonly TimeProvider _time;
    private readonly Dictionary<(string Symbol, string Side), W.PositionLeg> _legs = [];

    /// <summary>Creates the codec of <paramref name="login"/>; the options must be valid and the signer built from them.</summary>
    public ToobitVenue(LoginId login, ToobitOptions options, ToobitSigner signer, TimeProvider time)
    {
        _login = login;
        _options = options;
        _signer = signer;
        _time = time;
    }

    /// <inheritdoc />
    public VenueId Venue => Id;

    /// <summary>Server time minus local time, from <c>/api/v1/time</c> round trips (zero until the first).</summary>
    public TimeSpan ServerOffset { get; set; }

    /// <summary>The venue's clock as far as we know.</summary>
    public DateTimeOffset ServerNow => _time.GetUtcNow() + ServerOffset;

    /// <inheritdoc />
    public Mapped<string> Encode(VenueRequest request, string correlationKey, IBufferWriter<byte> output)
    {
        var call = ToobitMapper.ToCall(request);
        if (call.Value is not { } c)
        {
            return new(null, call.Error);
        }

        Write(c, correlationKey, output);
        return new(c.Operation, null);
    }

    /// <summary>Writes <paramref name="call"/> as a transport request frame: signed ones get <c>recvWindow</c>, <c>timestamp</c>, <c>signature</c> and the API key header.</summary>
    public void Write(ToobitCall call, string correlationKey, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(call);
        string query;
        string body;
        if (call.IsSigned && call.JsonBody is { } json)
        {
            // A JSON body is never signed (§5, V4): recvWindow, timestamp and the signature go in the query.
            var signedQuery = ToobitSigner.Encode(call.Parameters.AddRange(
                new KeyValuePair<string, string>("recvWindow", _options.RecvWindow.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("timestamp", ServerNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))));
            (query, body) = (signedQuery + "&signature=" + _signer.Sign(signedQuery, string.Empty), json);
        }
        else if (call.IsSigned)
        {
            var parameters = call.Parameters.AddRange(
                new KeyValuePair<string, string>("recvWindow", _options.RecvWindow.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("timestamp", ServerNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
            (query, body) = _signer.SignedParts(call.Method, parameters);
        }
        else
        {
            (query, body) = (ToobitSigner.Encode(call.Parameters), string.Empty);
        }

        var request = new HttpTransportRequest(
            correlationKey,
            call.Method,
            call.Path + (query.Length > 0 ? "?" + query : string.Empty),
            body.Length == 0 ? string.Empty : call.JsonBody is null ? "application/x-www-form-urlencoded" : "application/json",
            Encoding.UTF8.GetBytes(body),
            call.IsSigned ? [new("X-BB-APIKEY", _signer.ApiKey)] : []);
        HttpTransportFrame.WriteRequest(request, output);
    }

    /// <inheritdoc />
    public int WeightOf(VenueRequest request) => ToobitMapper.ToCall(request).Value is { } call ? _options.WeightOf(call.WeightKey) : 1;

    /// <inheritdoc />
    public VenueInbound Decode(ReadOnlySpan<byte> utf8, DateTimeOffset receivedAt)
    {
        try
        {
            return HttpTransportFrame.KindOf(utf8) switch
            {
                HttpTransportFrame.Response => DecodeResponse(HttpTransportFrame.ReadResponse(utf8)),
                HttpTransportFrame.StreamText => DecodeStream(HttpTransportFrame.Payload(utf8), receivedAt),
                HttpTransportFrame.StreamOpened => VenueInbound.Empty,
                _ => new VenueInbound { Problem = "a frame that is not an HTTP transport frame reached the Toobit codec" },
            };
        }
        catch (FormatException e)
        {
            return new VenueInbound { Problem = $"unreadable transport frame: {e.Message}" };
        }
    }

    /// <summary>The reply payload of a response frame (the body parsed once; default when empty or not JSON).</summary>
    public static ToobitHttpReply ReadReply(HttpTransportResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        JsonElement body = default;
        if (!response.Body.IsEmpty && WireText.Problem(response.Body.Span) is null)
        {
            try
            {
                using var doc = JsonDocument.Parse(response.Body);
                body = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                body = default;
            }
        }

        return new ToobitHttpReply(response.Status, response.RetryAfter, body, response.Failure);
    }

    /// <inheritdoc />
    public VenueReply MapReply(VenueInbound reply, VenueRequest request) => reply.ReplyPayload is ToobitHttpReply r
        ? ToobitMapper.ToReply(r, request)
        : new UnreadableReply("the matched frame is not a Toobit HTTP answer");

    /// <summary>The last legs are stale after a disconnect: the positions are read again by the reconciliation.</summary>
    public void Forget() => _legs.Clear();

    private static VenueInbound DecodeResponse(HttpTransportResponse response) =>
        new() { CorrelationKey = response.Key, ReplyPayload = ReadReply(response) };

    private VenueInbound DecodeStream(ReadOnlySpan<byte> utf8, DateTimeOffset receivedAt)
    {
        if (WireText.Problem(utf8) is { } problem)
        {
            return new VenueInbound { Problem = $"unreadable Toobit stream message: {problem}" };
        }

        JsonElement root;
        try
        {
            using var doc = PooledJsonDocument.Parse(utf8);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return new VenueInbound { Problem = $"unreadable Toobit stream message: {e.Message}" };
        }

        if (root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("pong", out _) || root.TryGetProperty("ping", out _)))
        {
            return new VenueInbound { IsHeartbeat = true };
        }

        var (events, error) = ToobitCodec.ReadEvents(root);
        if (error is not null)
        {
            return new VenueInbound { Problem = $"Toobit stream: {error}" };
        }

        var updates = ImmutableArray.CreateBuilder<VenueOrderUpdate>();
        var engineEvents = ImmutableArray.CreateBuilder<IEngineEvent>();
        var problems = new List<string>();
        foreach (var e in events.OrderBy(e => e.EventTime ?? 0))
        {
            switch (e)
            {
                case W.ExecutionReport x when ToobitMapper.ToOrderUpdate(x, _login, receivedAt) is { } update:
                    updates.Add(update);
                    break;
                case W.ExecutionReport x:
                    problems.Add($"{x.Name} X={x.Status} for order {x.OrderId} ignored");
                    break;
                case W.AccountInfo { Name: "outboundAccountInfo" } info:
                    engineEvents.AddRange(ToobitMapper.ToBalanceEvents(info, _login, receivedAt));
                    break;
                case W.PositionInfo p:
                    _legs[(p.Leg.Symbol, p.Leg.Side)] = p.Leg;
                    var legs = _legs.Where(l => l.Key.Symbol == p.Leg.Symbol).Select(l => l.Value);
                    engineEvents.Add(new PositionChanged(_login, ToobitMapper.FromMillis(p.EventTime, receivedAt), ToobitMapper.ToPosition(new Symbol(p.Leg.Symbol), legs)));
                    break;
                default:
                    break;
            }
        }

        return new VenueInbound
        {
            OrderUpdates = updates.ToImmutable(),
            Events = engineEvents.ToImmutable(),
            Problem = problems.Count == 0 ? null : string.Join("; ", problems),
        };
    }
}
