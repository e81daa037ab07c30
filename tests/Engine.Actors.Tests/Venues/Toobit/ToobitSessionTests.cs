using System.Buffers;
using System.Text;
using Engine.Actors.Connections.Http;
using Engine.Actors.Venues;
using Engine.Actors.Venues.Toobit;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Tests.Venues.Toobit;

/// <summary>The session chain driven frame by frame (no network): time → listen key → stream → ready; keep-alive, pong deadline, 429, 418 and -1021.</summary>
public class ToobitSessionTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1668481902307);

    [Fact]
    public void Time_then_listen_key_then_the_stream_then_ready()
    {
        var (behavior, _) = Create();
        var login = Request(w => behavior.WriteLogin("login-1", Start, w));
        Assert.Equal(("GET", "/api/v1/time"), (login.Method, login.PathAndQuery));
        Assert.Empty(login.Headers);

        var afterTime = behavior.Receive(Response("login-1", 200, "{\"serverTime\":1668481903307}"), "login-1", Start);
        Assert.Null(afterTime.Forward);
        var listen = Session(afterTime);
        Assert.Equal(("POST", "/api/v1/userDataStream"), (listen.Method, listen.PathAndQuery));
        var body = Encoding.UTF8.GetString(listen.Body.Span);
        Assert.StartsWith("recvWindow=5000&timestamp=1668481903307&signature=", body, StringComparison.Ordinal); // the server offset (+1 s) is applied
        Assert.Equal("X-BB-APIKEY", listen.Headers[0].Key);

        var afterKey = behavior.Receive(Response(listen.Key, 200, "{\"listenKey\":\"LK1\"}"), "login-1", Start);
        var open = Assert.IsType<SendSessionFrame>(Assert.Single(afterKey.Signals));
        Assert.Equal(HttpTransportFrame.OpenStream, HttpTransportFrame.KindOf(open.Frame.Span));
        Assert.Equal("ws://127.0.0.1:9/api/v1/ws/LK1", Encoding.UTF8.GetString(HttpTransportFrame.Payload(open.Frame.Span)));

        var opened = behavior.Receive([HttpTransportFrame.StreamOpened], "login-1", Start);
        Assert.IsType<SessionOpened>(opened.Signals[0]);
        Assert.Equal(VenueReadiness.Ready, Assert.IsType<VenueStateReported>(opened.Signals[^1]).Readiness);
        Assert.Contains(opened.Signals, s => s is SendSessionFrame f && f.Operation == "POST /api/v1/futures/leverage");
    }

    [Fact]
    public void The_listen_key_is_extended_every_keep_alive_interval_and_minus_1125_reconnects()
    {
        var (behavior, _) = Ready();
        var later = Start + TimeSpan.FromMinutes(30);
        var step = behavior.Receive(Pong(), "login-1", later);
        var put = Decode(Assert.IsType<SendSessionFrame>(Assert.Single(step.Signals)).Frame);
        Assert.Equal("PUT", put.Method);
        Assert.StartsWith("listenKey=LK1&recvWindow=5000&", Encoding.UTF8.GetString(put.Body.Span), StringComparison.Ordinal);
        var expired = behavior.Receive(Response(put.Key, 400, "{\"code\":-1125,\"msg\":\"This listenKey does not exist.\"}"), "login-1", later);
        Assert.IsType<ReconnectRequested>(Assert.Single(expired.Signals));
    }

    [Fact]
    public void A_ping_without_a_pong_within_the_timeout_reconnects_and_a_server_ping_is_answered()
    {
        var (behavior, _) = Ready();
        var buffer = new ArrayBufferWriter<byte>();
        Assert.True(behavior.WritePing(Start + TimeSpan.FromSeconds(30), buffer));
        Assert.Equal("{\"ping\":1668481932307}", Encoding.UTF8.GetString(HttpTransportFrame.Payload(buffer.WrittenSpan)));
        Assert.Empty(behavior.Receive(Pong(), "login-1", Start + TimeSpan.FromSeconds(31)).Signals);

        Assert.True(behavior.WritePing(Start + TimeSpan.FromSeconds(60), new ArrayBufferWriter<byte>()));
        var late = behavior.Receive(Response("other", 200, "[]"), "login-1", Start + TimeSpan.FromSeconds(66));
        Assert.Contains(late.Signals, s => s is ReconnectRequested r && r.Reason.Contains("pong", StringComparison.Ordinal));

        var serverPing = new ArrayBufferWriter<byte>();
        HttpTransportFrame.WriteStream(HttpTransportFrame.StreamText, "{\"ping\":42}"u8, serverPing);
        var answer = Assert.IsType<SendSessionFrame>(Assert.Single(behavior.Receive(serverPing.WrittenSpan, "login-1", Start).Signals));
        Assert.Equal("{\"pong\":42}", Encoding.UTF8.GetString(HttpTransportFrame.Payload(answer.Frame.Span)));
    }

    [Fact]
    public void A_429_pauses_for_retry_after_a_second_418_stops_the_login_and_minus_1021_reads_the_time_again()
    {
        var (behavior, _) = Ready();
        var limited = behavior.Receive(Response("r-1", 429, "{\"code\":-1003,\"msg\":\"Too many\"}", TimeSpan.FromSeconds(7)), "login-1", Start);
        Assert.Equal(Start + TimeSpan.FromSeconds(7), Assert.IsType<SendingPaused>(Assert.Single(limited.Signals)).Until);
        Assert.NotNull(limited.Forward);
        var orders = behavior.Receive(Response("r-2", 429, "{\"code\":-1015,\"msg\":\"Too many orders\"}"), "login-1", Start);
        Assert.Equal(Start + TimeSpan.FromSeconds(5), Assert.IsType<SendingPaused>(Assert.Single(orders.Signals)).Until);

        Assert.Single(behavior.Receive(Response("r-3", 418, "{\"code\":-1003,\"msg\":\"banned\"}"), "login-1", Start).Signals);
        var second = behavior.Receive(Response("r-4", 418, "{\"code\":-1003,\"msg\":\"banned\"}"), "login-1", Start);
        Assert.Equal(VenueReadiness.Fatal, Assert.Single(second.Signals.OfType<VenueStateReported>()).Readiness);

        var skew = behavior.Receive(Response("r-5", 400, "{\"code\":-1021,\"msg\":\"late\"}"), "login-1", Start);
        Assert.Equal("GET /api/v1/time", Assert.IsType<SendSessionFrame>(Assert.Single(skew.Signals)).Operation);
    }

    private static (ToobitConnectionBehavior Behavior, ToobitOptions Options) Create()
    {
        var options = new ToobitOptions
        {
            Url = new Uri("http://127.0.0.1:9/"),
            ApiKey = "key",
            Secret = "secret",
            Symbols = ["BTCUSDT", "BTC-SWAP-USDT"],
            Leverage = new Dictionary<string, int> { ["BTC-SWAP-USDT"] = 5 },
        };
        Assert.Empty(options.Validate());
        return (new ToobitConnectionBehavior(new LoginId("tb-1"), options, new ToobitSigner("key", "secret"), new FixedTime()), options);
    }

    private static (ToobitConnectionBehavior Behavior, ToobitOptions Options) Ready()
    {
        var (behavior, options) = Create();
        Request(w => behavior.WriteLogin("login-1", Start, w));
        var listen = Session(behavior.Receive(Response("login-1", 200, "{\"serverTime\":1668481902307}"), "login-1", Start));
        behavior.Receive(Response(listen.Key, 200, "{\"listenKey\":\"LK1\"}"), "login-1", Start);
        behavior.Receive([HttpTransportFrame.StreamOpened], "login-1", Start);
        return (behavior, options);
    }

    private static HttpTransportRequest Request(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return HttpTransportFrame.ReadRequest(buffer.WrittenSpan);
    }

    private static HttpTransportRequest Session(SessionStep step) => Decode(Assert.IsType<SendSessionFrame>(Assert.Single(step.Signals)).Frame);

    private static HttpTransportRequest Decode(ReadOnlyMemory<byte> frame) => HttpTransportFrame.ReadRequest(frame.Span);

    private static byte[] Response(string key, int status, string body, TimeSpan? retryAfter = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        HttpTransportFrame.WriteResponse(new HttpTransportResponse(key, status, retryAfter, Encoding.UTF8.GetBytes(body), null), buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Pong()
    {
        var buffer = new ArrayBufferWriter<byte>();
        HttpTransportFrame.WriteStream(HttpTransportFrame.StreamText, "{\"pong\":1}"u8, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Start;
    }
}
