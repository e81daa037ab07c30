using System.Text;
using Engine.Actors.MarketData;

namespace Engine.Actors.Tests.MarketData;

public class FeedHandoverTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static byte[] F(string text) => Encoding.UTF8.GetBytes(text);

    private static FeedHandover Subscribed()
    {
        var handover = new FeedHandover(2, ["btcusdt@trade"]);
        handover.Subscribing(7);
        handover.AllSent();
        Assert.False(handover.Subscribed);
        Assert.True(handover.Confirmed(7));
        Assert.True(handover.Subscribed);
        return handover;
    }

    private static string[] Texts(IEnumerable<(byte[] Frame, DateTimeOffset ReceivedAt)> frames) => [.. frames.Select(f => Encoding.UTF8.GetString(f.Frame))];

    [Fact]
    public void The_next_socket_ahead_takes_over_after_the_live_sockets_last_frame()
    {
        var handover = Subscribed();
        handover.Next(F("a"), T0);
        handover.Next(F("b"), T0);
        handover.Next(F("c"), T0);

        handover.Live(F("a"));

        Assert.True(handover.Ready);
        Assert.Equal(["b", "c"], Texts(handover.TakeOver()));
    }

    [Fact]
    public void The_live_socket_ahead_switches_at_the_first_frame_the_next_one_repeats()
    {
        var handover = Subscribed();
        handover.Live(F("a"));
        handover.Live(F("b"));
        handover.Next(F("a"), T0);
        Assert.False(handover.Ready);

        handover.Next(F("b"), T0);

        Assert.True(handover.Ready);
        Assert.Empty(handover.TakeOver());
    }

    [Fact]
    public void Frames_before_the_subscription_is_confirmed_are_the_live_sockets_to_deliver()
    {
        var handover = new FeedHandover(2, ["btcusdt@trade"]);
        handover.Subscribing(1);
        handover.AllSent();
        handover.Next(F("early"), T0);
        Assert.False(handover.Confirmed(99));
        Assert.True(handover.Confirmed(1));
        handover.Next(F("x"), T0);

        handover.Live(F("x"));

        Assert.Empty(handover.TakeOver());
        Assert.Equal(1, handover.Held);
    }

    [Fact]
    public void Without_a_common_frame_every_held_frame_the_live_socket_did_not_deliver_is_handed_over()
    {
        var handover = Subscribed();
        handover.Live(F("a"));
        handover.Next(F("b"), T0);
        handover.Next(F("a2"), T0);
        handover.Live(F("c"));

        Assert.False(handover.Ready);
        Assert.Equal(["b", "a2"], Texts(handover.TakeOver()));
    }

    [Fact]
    public void A_quiet_market_hands_over_with_nothing_held()
    {
        var handover = new FeedHandover(2, []);
        handover.AllSent();

        Assert.True(handover.Subscribed);
        Assert.Empty(handover.TakeOver());
    }
}
