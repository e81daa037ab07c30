using Engine.Actors.Venues.QuantGateway;
using W = Engine.Actors.Venues.QuantGateway.QuantGatewayWire;

namespace Engine.Actors.Tests.Venues.QuantGateway;

public class QuantGatewayStateBufferTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Fatal_state_before_the_login_reply_is_delivered_once_the_token_is_known()
    {
        var buffer = new QuantGatewayStateBuffer(TimeSpan.FromSeconds(2));
        buffer.Hold(new W.State("tok-a", 1, "platform not found"), T0);
        buffer.Hold(new W.State("tok-b", 2, "connect"), T0);
        buffer.Hold(new W.State("tok-a", 6, "Environment ready"), T0.AddMilliseconds(10));

        Assert.Equal([1, 6], buffer.Release("tok-a").Select(s => s.Code));
        Assert.Equal(1, buffer.Count);
        Assert.Empty(buffer.Release("tok-a"));
    }

    [Theory]
    [InlineData(1999, 0)]
    [InlineData(2000, 1)]
    public void Messages_expire_after_the_hold_time(int millis, int expired)
    {
        var buffer = new QuantGatewayStateBuffer(TimeSpan.FromSeconds(2));
        buffer.Hold(new W.State("tok", 3, "connect failed"), T0);
        Assert.Equal(T0.AddSeconds(2), buffer.NextExpiry);
        Assert.Equal(expired, buffer.Expire(T0.AddMilliseconds(millis)).Count);
        Assert.Equal(1 - expired, buffer.Count);
    }
}
