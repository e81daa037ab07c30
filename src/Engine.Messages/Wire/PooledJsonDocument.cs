using System.Buffers;
using System.Text.Json;

namespace Engine.Messages.Wire;

/// <summary>
/// A <see cref="JsonDocument"/> over a frame the caller only lends (a span, such as a received WebSocket frame): the
/// bytes are copied once into a pooled buffer that the document reads in place, and <see cref="Dispose"/> returns
/// both. <c>JsonDocument.Parse(span.ToArray())</c> would allocate the copy per frame, and
/// <c>JsonDocument.ParseValue</c> reads the frame twice and copies it too. The frame must be exactly one JSON value
/// (white space around it allowed): text after it is a <see cref="JsonException"/>, like any other syntax error.
/// </summary>
public sealed class PooledJsonDocument : IDisposable
{
    private static readonly JsonDocumentOptions Strict = new() { CommentHandling = JsonCommentHandling.Disallow };

    private byte[]? _buffer;

    private PooledJsonDocument(JsonDocument document, byte[] buffer)
    {
        Document = document;
        _buffer = buffer;
    }

    /// <summary>The parsed document; valid until <see cref="Dispose"/>.</summary>
    public JsonDocument Document { get; }

    /// <summary>The document's root value.</summary>
    public JsonElement RootElement => Document.RootElement;

    /// <summary>Parses <paramref name="utf8"/> (no comments, no trailing commas); throws <see cref="JsonException"/> for invalid JSON.</summary>
    public static PooledJsonDocument Parse(ReadOnlySpan<byte> utf8)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(utf8.Length, 1));
        try
        {
            utf8.CopyTo(buffer);
            return new PooledJsonDocument(JsonDocument.Parse(buffer.AsMemory(0, utf8.Length), Strict), buffer);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Disposes the document, then returns the buffer it read; once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            Document.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
