using System.Buffers;
using System.Globalization;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Venues.Binance;

public sealed partial class BinanceVenue
{
    /// <summary>
    /// Writes <c>session.logon</c> (apiKey, timestamp, recvWindow, Ed25519 signature). Returns an error and writes
    /// nothing for an HMAC key: Binance logs on Ed25519 keys only; HMAC logins sign every request instead.
    /// </summary>
    public Mapped<string> EncodeLogon(string id, IBufferWriter<byte> output)
    {
        if (_signer.KeyType != BinanceKeyType.Ed25519)
        {
            return new(null, "session.logon needs an Ed25519 key; an HMAC login signs every request instead");
        }

        WriteCall(new W.Request(string.Empty, W.Methods.SessionLogon, []), id, output);
        return new(W.Methods.SessionLogon, null);
    }

    /// <summary>
    /// Writes the user data subscription: <c>userDataStream.subscribe</c> when logged on, otherwise
    /// <c>userDataStream.subscribe.signature</c> (apiKey, timestamp, recvWindow, signature; any key type).
    /// Returns the method sent.
    /// </summary>
    public string EncodeSubscribe(string id, IBufferWriter<byte> output)
    {
        var method = IsLoggedOn ? W.Methods.Subscribe : W.Methods.SubscribeSignature;
        WriteCall(new W.Request(string.Empty, method, [], HasParams: !IsLoggedOn), id, output);
        return method;
    }

    /// <summary>Writes <c>userDataStream.unsubscribe</c> for one subscription, or for all when null.</summary>
    public static void EncodeUnsubscribe(string id, int? subscriptionId, IBufferWriter<byte> output) =>
        BinanceCodec.Encode(
            new W.Request(id, W.Methods.Unsubscribe, subscriptionId is { } s ? [new("subscriptionId", s.ToString(CultureInfo.InvariantCulture), W.ParamKind.Number)] : [], HasParams: subscriptionId is not null),
            output);

    /// <summary>Writes <c>session.status</c>.</summary>
    public static void EncodeSessionStatus(string id, IBufferWriter<byte> output) =>
        BinanceCodec.Encode(new W.Request(id, W.Methods.SessionStatus, [], HasParams: false), output);

    /// <summary>Writes <c>time</c>; remember when it was sent to feed <see cref="Clock"/> with the reply.</summary>
    public static void EncodeTime(string id, IBufferWriter<byte> output) =>
        BinanceCodec.Encode(new W.Request(id, W.Methods.Time, [], HasParams: false), output);

    /// <summary>Writes the <c>ping</c> method (application-level check; WebSocket pings are answered by the runtime).</summary>
    public static void EncodePing(string id, IBufferWriter<byte> output) =>
        BinanceCodec.Encode(new W.Request(id, W.Methods.Ping, [], HasParams: false), output);

    /// <summary>Writes <c>exchangeInfo</c> for this login's symbols (all symbols when none are configured).</summary>
    public void EncodeExchangeInfo(string id, IBufferWriter<byte> output) =>
        BinanceCodec.Encode(BinanceMapper.ToExchangeInfo(_options.Symbols.IsDefault ? [] : _options.Symbols) with { Id = id }, output);
}
