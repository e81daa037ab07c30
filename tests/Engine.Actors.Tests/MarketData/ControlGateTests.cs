using Engine.Actors.MarketData;

namespace Engine.Actors.Tests.MarketData;

public class ControlGateTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void At_most_n_messages_go_in_any_one_second_window()
    {
        var gate = new ControlGate(2);

        Assert.True(gate.TryTake(T));
        Assert.True(gate.TryTake(T.AddMilliseconds(400)));
        Assert.False(gate.TryTake(T.AddMilliseconds(999)));
        Assert.Equal(T.AddSeconds(1), gate.NextAt(T.AddMilliseconds(999)));
        Assert.True(gate.TryTake(T.AddSeconds(1)));
        Assert.False(gate.TryTake(T.AddMilliseconds(1399)));
        Assert.True(gate.TryTake(T.AddMilliseconds(1400)));
    }
}
