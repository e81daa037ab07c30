using System.Globalization;

namespace Engine.Actors.MarketData;

/// <summary>
/// Decimals from the UTF-8 bytes of a frame, without a .NET string. The shape venues send for every price and size
/// (<c>[-]digits[.digits]</c>, at most 19 digits) is read straight into the decimal's 96-bit mantissa and scale, so
/// <c>"93850.00000000"</c> keeps its scale of 8 exactly as <see cref="decimal.Parse(string, IFormatProvider)"/> would;
/// anything else (an exponent, more digits, spaces) goes through the framework's invariant parser. Pure, thread-safe.
/// </summary>
internal static class Utf8Decimal
{
    private const NumberStyles Styles = NumberStyles.Number | NumberStyles.AllowExponent;

    /// <summary>Parses <paramref name="utf8"/>; false when it is not an invariant decimal.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out decimal value)
    {
        var i = 0;
        var negative = false;
        if (utf8.Length > 0 && utf8[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }

        ulong mantissa = 0;
        var digits = 0;
        var scale = -1;
        for (; i < utf8.Length; i++)
        {
            var digit = (uint)(utf8[i] - (byte)'0');
            if (digit <= 9)
            {
                if (++digits > 19)
                {
                    return decimal.TryParse(utf8, Styles, CultureInfo.InvariantCulture, out value);
                }

                mantissa = (mantissa * 10) + digit;
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (utf8[i] == (byte)'.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return decimal.TryParse(utf8, Styles, CultureInfo.InvariantCulture, out value);
            }
        }

        if (digits == 0)
        {
            return decimal.TryParse(utf8, Styles, CultureInfo.InvariantCulture, out value);
        }

        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }
}
