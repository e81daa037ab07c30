namespace Engine.Simulator.Venues.DBot;

/// <summary>
/// The upgraded connection's stream with the client's WebSocket frame headers observed on the way in: reports the
/// opcode of every inbound frame (0x9 Ping, 0xA Pong, 0x1 text, ...) as its header completes. The server-side
/// <see cref="System.Net.WebSockets.WebSocket"/> answers Pings internally and never surfaces them, so this is how the
/// simulator sees heartbeats (reference §2.2, option a). Reads come from one receive loop at a time.
/// </summary>
internal sealed class FrameWatchStream(Stream inner, Action<int> onFrame) : Stream
{
    private readonly byte[] header = new byte[14];
    private int have;
    private int need = 2;
    private long payloadLeft;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Observe(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Observe(buffer.AsSpan(offset, read));
        return read;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private void Observe(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (payloadLeft > 0)
            {
                var skip = (int)Math.Min(payloadLeft, bytes.Length - i);
                payloadLeft -= skip;
                i += skip;
                continue;
            }

            header[have++] = bytes[i++];
            if (have == 2)
            {
                var length7 = header[1] & 0x7F;
                need = 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + ((header[1] & 0x80) != 0 ? 4 : 0);
            }

            if (have >= 2 && have == need)
            {
                CompleteHeader();
            }
        }
    }

    private void CompleteHeader()
    {
        var length7 = header[1] & 0x7F;
        long length = length7;
        if (length7 == 126)
        {
            length = (header[2] << 8) | header[3];
        }
        else if (length7 == 127)
        {
            length = 0;
            for (var k = 2; k < 10; k++)
            {
                length = (length << 8) | header[k];
            }
        }

        onFrame(header[0] & 0x0F);
        payloadLeft = length;
        have = 0;
        need = 2;
    }
}
