using Engine.Messages.Identifiers;

namespace Engine.Actors.Tests.Messages;

public class IdentifierTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" lead")]
    [InlineData("trail ")]
    public void Bad_text_is_refused_with_the_kind_in_the_message(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ClientOrderId(text));
        Assert.Contains("ClientOrderId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_long_text_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Symbol(new string('x', 129)));
    }

    [Fact]
    public void Values_compare_case_sensitively_and_print_their_text()
    {
        Assert.NotEqual(new Symbol("btc/usdt"), new Symbol("BTC/USDT"));
        Assert.Equal(new LoginId("a"), new LoginId("a"));
        Assert.Equal("BTC/USDT", new Symbol("BTC/USDT").ToString());
        Assert.Equal(string.Empty, default(VenueOrderId).ToString());
        Assert.True(default(FillId).IsEmpty);
        Assert.False(new VenueId("binance").IsEmpty);
    }
}
