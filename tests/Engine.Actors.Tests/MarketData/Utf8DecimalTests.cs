using System.Globalization;
using System.Text;
using Engine.Actors.MarketData;

namespace Engine.Actors.Tests.MarketData;

/// <summary>Decimals from UTF-8 bytes: value and scale exactly as the framework's invariant parser gives them, the fast shape and the rest.</summary>
public class Utf8DecimalTests
{
    [Theory]
    [InlineData("93850.00000000")]
    [InlineData("0.00120000")]
    [InlineData("-1.5")]
    [InlineData("-0.000")]
    [InlineData("0")]
    [InlineData("42")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("9999999999999999999")]
    [InlineData("99999999999999999999")]
    [InlineData("123456789.1234567890123")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("1E-2")]
    [InlineData("2.5e3")]
    [InlineData("0.0000000000000000000000000001")]
    public void A_decimal_parses_to_the_same_value_and_scale_as_the_invariant_parser(string text)
    {
        var expected = decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

        Assert.True(Utf8Decimal.TryParse(Encoding.UTF8.GetBytes(text), out var value));

        Assert.Equal(decimal.GetBits(expected), decimal.GetBits(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("1,5x")]
    [InlineData("abc")]
    [InlineData("792281625142643375935439503350")]
    public void Anything_else_is_refused(string text) =>
        Assert.False(Utf8Decimal.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
