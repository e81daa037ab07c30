using Engine.Messages.Wire;
using System.Diagnostics;
using System.Text;
using Engine.Actors.Tests.Venues;
using Engine.Actors.Venues;
using Engine.Actors.Venues.Binance;
using Engine.Actors.Tests.Venues.QuantGateway;
using Engine.Actors.Venues.QuantGateway;
using Engine.Messages.Identifiers;
using BinanceWire = Engine.Actors.Venues.Binance.BinanceWire;
using QuantWire = Engine.Actors.Venues.QuantGateway.QuantGatewayWire;

namespace Engine.Actors.Tests.Fuzz;

/// <summary>
/// The engine's decoders against generated malformed frames (seeded, bounded in count and time): no exception ever
/// leaves a decoder or a Binance result reader, and text that cannot be read (a lone surrogate escape, bytes that are
/// not UTF-8) is refused as the venue's "unknown frame" with a reason, which the connection logs and skips, so it
/// changes no engine state. Seeds are the golden frames of both venues (issue 16, item 3 and "Also").
/// </summary>
public sealed class DecoderFuzzTests
{
    private const int Seed = 20261206;
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Classes => [.. FrameMutator.Classes];

    private static List<byte[]> GoldenSeeds() =>
        [.. new[] { "QuantGateway", "Binance" }.SelectMany(v => GoldenFrames.Names(v).Select(n => GoldenFrames.Read(v, n)))];

    [Theory]
    [InlineData("{\"op\":\"notify\",\"topic\":\"order\",\"token\":\"\\ud800\",\"data\":{}}")]
    [InlineData("{\"op\":\"\\udc00\"}")]
    [InlineData("{\"op\":\"state\",\"token\":\"t\",\"code\":2,\"msg\":\"a\\ud800b\"}")]
    [InlineData("{\"op\":\"asset\",\"cid\":\"1\",\"result\":true,\"data\":{\"\\ud800\":{\"free\":1}}}")]
    [InlineData("{\"id\":\"\\ud800\",\"status\":200,\"result\":{}}")]
    [InlineData("{\"event\":{\"e\":\"executionReport\",\"s\":\"BTC\\udbff\\u0041USDT\"}}")]
    public void A_lone_surrogate_escape_is_an_unknown_frame_with_a_reason_not_an_exception(string frame)
    {
        var utf8 = Encoding.UTF8.GetBytes(frame);

        var quant = Assert.IsType<QuantWire.Unknown>(QuantGatewayCodec.Decode(utf8, At));
        var binance = Assert.IsType<BinanceWire.Unknown>(BinanceCodec.Decode(utf8, At));

        Assert.Contains("lone surrogate escape", quant.Reason, StringComparison.Ordinal);
        Assert.Contains("lone surrogate escape", binance.Reason, StringComparison.Ordinal);
        Assert.Equal(At, quant.ReceivedAt);
    }

    [Fact]
    public void A_rejected_order_notification_changes_nothing_the_connection_would_apply()
    {
        var venue = new QuantGatewayVenue(new LoginId("alice"), QuantGatewayMapperTests.Options("huobi", "BTC/USDT"));
        var frame = "{\"op\":\"notify\",\"topic\":\"fill\",\"token\":\"t\",\"data\":{\"symbol\":\"BTC/USDT\",\"order_no\":\"1\",\"fill_no\":\"f\\ud800\",\"price\":1,\"quantity\":1,\"side\":\"buy\"}}"u8;

        var inbound = venue.Decode(frame, At);

        Assert.Empty(inbound.Events);
        Assert.Null(inbound.CorrelationKey);
        Assert.Null(inbound.ReplyPayload);
        Assert.Contains("lone surrogate escape", inbound.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"op\":\"ping\",\"ts\":\"\\ud83d\\ude00\"}")]
    [InlineData("{\"op\":\"ping\",\"ts\":\"\\\\ud800\"}")]
    [InlineData("{\"op\":\"ping\",\"ts\":\"\u00e9\u4e2d\"}")]
    public void Valid_escapes_and_text_still_decode(string frame)
    {
        var utf8 = Encoding.UTF8.GetBytes(frame);

        Assert.Null(WireText.Problem(utf8));
        Assert.IsType<QuantWire.PingRequest>(QuantGatewayCodec.Decode(utf8, At));
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_an_unknown_frame()
    {
        byte[] utf8 = [.. "{\"op\":\"pong\",\"ts\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8];

        Assert.Equal("the frame is not valid UTF-8", Assert.IsType<QuantWire.Unknown>(QuantGatewayCodec.Decode(utf8, At)).Reason);
        Assert.Equal("the frame is not valid UTF-8", Assert.IsType<BinanceWire.Unknown>(BinanceCodec.Decode(utf8, At)).Reason);
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Each_mutation_class_never_throws_out_of_a_decoder(string mutation)
    {
        var mutator = new FrameMutator(GoldenSeeds(), Seed ^ mutation.GetHashCode(StringComparison.Ordinal));
        foreach (var seed in GoldenSeeds())
        {
            for (var i = 0; i < 3; i++)
            {
                var frame = mutator.Mutate(mutation, seed);
                DecodeEverything(frame, mutation);
                if (mutation is "lone-surrogate" or "invalid-utf8")
                {
                    Assert.IsType<QuantWire.Unknown>(QuantGatewayCodec.Decode(frame, At));
                    Assert.IsType<BinanceWire.Unknown>(BinanceCodec.Decode(frame, At));
                }
            }
        }
    }

    [Fact]
    public void A_seeded_random_mix_never_throws_within_its_budget()
    {
        var mutator = new FrameMutator(GoldenSeeds(), Seed);
        var budget = Stopwatch.StartNew();
        var frames = 0;
        while (frames < 10_000 && budget.Elapsed < TimeSpan.FromSeconds(10))
        {
            var (mutation, frame) = mutator.Next();
            DecodeEverything(frame, mutation);
            frames++;
        }

        Assert.True(frames > 0);
    }

    /// <summary>Decodes with both codecs and reads a Binance result every way the adapter might; fails with the frame on any exception.</summary>
    private static void DecodeEverything(byte[] frame, string mutation)
    {
        try
        {
            QuantGatewayCodec.Decode(frame, At);
            if (BinanceCodec.Decode(frame, At) is BinanceWire.Response { Result: { } result })
            {
                _ = BinanceCodec.ReadOrder(result);
                _ = BinanceCodec.ReadOrders(result);
                _ = BinanceCodec.ReadAccount(result);
                _ = BinanceCodec.ReadExchangeInfo(result);
                _ = BinanceCodec.ReadSession(result);
                _ = BinanceCodec.ReadServerTime(result);
                _ = BinanceCodec.ReadSubscriptionId(result);
            }
        }
        catch (Exception ex)
        {
            Assert.Fail($"{mutation}: {ex.GetType().Name}: {ex.Message}\nframe: {Encoding.UTF8.GetString(frame[..Math.Min(frame.Length, 400)])}");
        }
    }
}
