using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Engine.Actors.Connections.Http;

/// <summary>
/// The frames an HTTP venue exchanges with <see cref="HttpTransportActor"/> through the connection's byte-frame seam
/// (<see cref="TransportActor.Send"/>, <see cref="TransportActor.FrameReceived"/>). The first byte names the frame:
/// out <see cref="Request"/>, <see cref="OpenStream"/>, <see cref="StreamSend"/>; in <see cref="Response"/>,
/// <see cref="StreamOpened"/>, <see cref="StreamText"/>. Text fields are length-prefixed UTF-8; stream text is the raw
/// bytes after the kind byte (no copy of a push beyond the one into the frame). Pure and thread-safe.
/// </summary>
public static class HttpTransportFrame
{
    /// <summary>Out: an HTTP request (<see cref="HttpTransportRequest"/>).</summary>
    public const byte Request = (byte)'R';

    /// <summary>Out: open (or replace) the push stream at a WebSocket URL.</summary>
    public const byte OpenStream = (byte)'O';

    /// <summary>Out: one text message on the push stream.</summary>
    public const byte StreamSend = (byte)'W';

    /// <summary>In: the answer to a request (<see cref="HttpTransportResponse"/>).</summary>
    public const byte Response = (byte)'r';

    /// <summary>In: the push stream is open.</summary>
    public const byte StreamOpened = (byte)'o';

    /// <summary>In: one text message of the push stream.</summary>
    public const byte StreamText = (byte)'w';

    /// <summary>The frame's kind byte; 0 for an empty frame.</summary>
    public static byte KindOf(ReadOnlySpan<byte> frame) => frame.IsEmpty ? (byte)0 : frame[0];

    /// <summary>Writes a <see cref="Request"/> frame.</summary>
    public static void WriteRequest(HttpTransportRequest request, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        Kind(Request, output);
        Text(request.Key, output);
        Text(request.Method, output);
        Text(request.PathAndQuery, output);
        Text(request.ContentType, output);
        Bytes(request.Body.Span, output);
        Int(request.Headers.Length, output);
        foreach (var (name, value) in request.Headers)
        {
            Text(name, output);
            Text(value, output);
        }
    }

    /// <summary>Reads a <see cref="Request"/> frame; throws <see cref="FormatException"/> for a malformed one.</summary>
    public static HttpTransportRequest ReadRequest(ReadOnlySpan<byte> frame)
    {
        var reader = new Reader(frame, Request);
        var key = reader.Text();
        var method = reader.Text();
        var path = reader.Text();
        var contentType = reader.Text();
        var body = reader.Bytes();
        var count = reader.Int();
        var headers = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>(count);
        for (var i = 0; i < count; i++)
        {
            headers.Add(new(reader.Text(), reader.Text()));
        }

        return new HttpTransportRequest(key, method, path, contentType, body, headers.MoveToImmutable());
    }

    /// <summary>Writes a <see cref="Response"/> frame.</summary>
    public static void WriteResponse(HttpTransportResponse response, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(output);
        Kind(Response, output);
        Text(response.Key, output);
        Int(response.Status, output);
        Text(response.RetryAfter is { } after ? after.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) : string.Empty, output);
        Bytes(response.Body.Span, output);
        Text(response.Failure ?? string.Empty, output);
    }

    /// <summary>Reads a <see cref="Response"/> frame; throws <see cref="FormatException"/> for a malformed one.</summary>
    public static HttpTransportResponse ReadResponse(ReadOnlySpan<byte> frame)
    {
        var reader = new Reader(frame, Response);
        var key = reader.Text();
        var status = reader.Int();
        var after = reader.Text();
        var body = reader.Bytes();
        var failure = reader.Text();
        TimeSpan? retryAfter = after.Length == 0 ? null : TimeSpan.FromMilliseconds(double.Parse(after, CultureInfo.InvariantCulture));
        return new HttpTransportResponse(key, status, retryAfter, body, failure.Length == 0 ? null : failure);
    }

    /// <summary>Writes an <see cref="OpenStream"/> frame for <paramref name="url"/>.</summary>
    public static void WriteOpenStream(Uri url, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(output);
        Kind(OpenStream, output);
        Raw(Encoding.UTF8.GetBytes(url.AbsoluteUri), output);
    }

    /// <summary>Writes a <see cref="StreamSend"/> (out) or <see cref="StreamText"/> (in) frame around <paramref name="utf8"/>.</summary>
    public static void WriteStream(byte kind, ReadOnlySpan<byte> utf8, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Kind(kind, output);
        Raw(utf8, output);
    }

    /// <summary>The payload after the kind byte (stream text, the stream URL).</summary>
    public static ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> frame) => frame.IsEmpty ? frame : frame[1..];

    private static void Kind(byte kind, IBufferWriter<byte> output)
    {
        output.GetSpan(1)[0] = kind;
        output.Advance(1);
    }

    private static void Int(int value, IBufferWriter<byte> output)
    {
        BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), value);
        output.Advance(4);
    }

    private static void Text(string value, IBufferWriter<byte> output) => Bytes(Encoding.UTF8.GetBytes(value), output);

    private static void Bytes(ReadOnlySpan<byte> value, IBufferWriter<byte> output)
    {
        Int(value.Length, output);
        Raw(value, output);
    }

    private static void Raw(ReadOnlySpan<byte> value, IBufferWriter<byte> output)
    {
        if (value.IsEmpty)
        {
            return;
        }

        value.CopyTo(output.GetSpan(value.Length));
        output.Advance(value.Length);
    }

    private ref struct Reader
    {
        private ReadOnlySpan<byte> _rest;

        public Reader(ReadOnlySpan<byte> frame, byte kind)
        {
            if (KindOf(frame) != kind)
            {
                throw new FormatException($"expected an HTTP transport frame of kind '{(char)kind}'");
            }

            _rest = frame[1..];
        }

        public int Int()
        {
            if (_rest.Length < 4)
            {
                throw new FormatException("HTTP transport frame is truncated");
            }

            var value = BinaryPrimitives.ReadInt32LittleEndian(_rest);
            _rest = _rest[4..];
            return value;
        }

        public byte[] Bytes()
        {
            var length = Int();
            if (length < 0 || length > _rest.Length)
            {
                throw new FormatException("HTTP transport frame is truncated");
            }

            var value = _rest[..length].ToArray();
            _rest = _rest[length..];
            return value;
        }

        public string Text() => Encoding.UTF8.GetString(Bytes());
    }
}
