using System.Globalization;
using System.Text.Unicode;

namespace Engine.Simulator.Sockets;

/// <summary>
/// The text check the simulators run on every frame before they parse it: UTF-8, and every <c>\uXXXX</c> escape valid
/// UTF-16. A lone surrogate such as <c>"\ud800"</c> parses as JSON but makes every string read throw; the venue answers
/// it with its own "invalid request" error and keeps the connection. The same rule as the engine's decoders apply
/// (<c>Engine.Actors.Venues.WireText</c>; the simulator does not depend on the engine). Pure.
/// </summary>
internal static class TextFrameCheck
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
