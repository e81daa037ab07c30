using System.Globalization;
using System.Text.Unicode;

namespace Engine.Messages.Wire;

/// <summary>
/// The text check every venue decoder (engine adapters and simulators alike) runs before it parses a frame: the bytes
/// must be UTF-8 and every <c>\uXXXX</c> escape must form valid UTF-16 (a high surrogate followed by a low one). A lone
/// surrogate such as <c>"\ud800"</c> parses as JSON but makes every string read throw, so it is refused here, once,
/// with a sentence saying where; the engine's decoder turns that into its "unknown frame", a simulator into its venue's
/// "invalid request" error, and the connection carries on. Pure and allocation-free on valid input.
/// </summary>
public static class WireText
{
    /// <summary>Why <paramref name="utf8"/> cannot be read as text, or null when it can (JSON syntax is not checked here).</summary>
    public static string? Problem(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            return "the frame is not valid UTF-8";
        }

        for (var i = 0; i < utf8.Length - 1; i++)
        {
            if (utf8[i] != (byte)'\\')
            {
                continue;
            }

            if (utf8[i + 1] != (byte)'u' || !TryHex(utf8, i + 2, out var unit))
            {
                i++;
                continue;
            }

            if (char.IsHighSurrogate(unit))
            {
                if (i + 11 < utf8.Length && utf8[i + 6] == (byte)'\\' && utf8[i + 7] == (byte)'u'
                    && TryHex(utf8, i + 8, out var low) && char.IsLowSurrogate(low))
                {
                    i += 11;
                    continue;
                }

                return Lone(unit, i, "a high surrogate not followed by a low one");
            }

            if (char.IsLowSurrogate(unit))
            {
                return Lone(unit, i, "a low surrogate without a high one before it");
            }

            i += 5;
        }

        return null;
    }

    private static string Lone(char unit, int at, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"lone surrogate escape \\u{(int)unit:x4} at byte {at} ({what}); strings must be valid UTF-16");

    private static bool TryHex(ReadOnlySpan<byte> utf8, int start, out char unit)
    {
        unit = '\0';
        if (start + 4 > utf8.Length)
        {
            return false;
        }

        var value = 0;
        for (var k = start; k < start + 4; k++)
        {
            var digit = HexDigit(utf8[k]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        unit = (char)value;
        return true;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
