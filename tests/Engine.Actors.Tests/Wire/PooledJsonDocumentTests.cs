using System.Text.Json;
using Engine.Messages.Wire;

namespace Engine.Actors.Tests.Wire;

public sealed class PooledJsonDocumentTests
{
    [Fact]
    public void A_frame_reads_as_the_document_of_its_bytes_and_stays_readable_after_the_caller_reuses_them()
    {
        var frame = "{\"op\":\"pong\",\"ts\":[1,2]}"u8.ToArray();

        using var document = PooledJsonDocument.Parse(frame);
        frame.AsSpan().Fill((byte)'x');

        Assert.Equal("pong", document.RootElement.GetProperty("op").GetString());
        Assert.Equal("[1,2]", document.RootElement.GetProperty("ts").GetRawText());
    }

    [Theory]
    [InlineData("{\"a\":1} {\"a\":2}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\":1 /* comment */}")]
    [InlineData("")]
    public void Anything_but_exactly_one_JSON_value_is_a_json_exception(string text)
    {
        Assert.ThrowsAny<JsonException>(() => PooledJsonDocument.Parse(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Disposing_twice_returns_the_buffer_once()
    {
        var document = PooledJsonDocument.Parse("{}"u8);
        document.Dispose();
        document.Dispose();

        Assert.Throws<ObjectDisposedException>(() => document.RootElement.ValueKind);
    }
}
