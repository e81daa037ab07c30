using System.Collections.Frozen;
using System.Globalization;

namespace Engine.Config;

/// <summary>
/// The spec's unit formats: a number, optional whitespace, an optional unit. Durations default to
/// milliseconds and take lowercase units (ns, us, ms, s, m, h, d and their long names); sizes default to
/// bytes, with powers of ten (kB, MB, ...) and powers of two (K, KiB, M, MiB, ...). Pure.
/// </summary>
public static class HoconUnits
{
    private static readonly FrozenDictionary<string, decimal> DurationTicks = BuildDurations();
    private static readonly FrozenDictionary<string, decimal> SizeFactors = BuildSizes();

    /// <summary>Parses a duration such as <c>5s</c>, <c>200 ms</c>, <c>1 minute</c> or a bare number of milliseconds.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = default;
        if (!TrySplit(text, out var number, out var unit))
        {
            return false;
        }

        if (!DurationTicks.TryGetValue(unit.Length == 0 ? "ms" : unit, out var ticksPerUnit))
        {
            return false;
        }

        decimal ticks;
        try
        {
            ticks = number * ticksPerUnit;
        }
        catch (OverflowException)
        {
            return false;
        }

        if (ticks > long.MaxValue || ticks < long.MinValue)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)decimal.Truncate(ticks));
        return true;
    }

    /// <summary>Parses a size such as <c>64MiB</c>, <c>10 kB</c>, <c>512K</c> or a bare number of bytes; the result must be a whole number of bytes.</summary>
    public static bool TryParseBytes(string text, out long value)
    {
        value = 0;
        if (!TrySplit(text, out var number, out var unit))
        {
            return false;
        }

        if (!SizeFactors.TryGetValue(unit.Length == 0 ? "B" : unit, out var factor))
        {
            return false;
        }

        decimal bytes;
        try
        {
            bytes = number * factor;
        }
        catch (OverflowException)
        {
            return false;
        }

        if (bytes != decimal.Truncate(bytes) || bytes > long.MaxValue || bytes < long.MinValue)
        {
            return false;
        }

        value = (long)bytes;
        return true;
    }

    private static bool TrySplit(string text, out decimal number, out string unit)
    {
        var span = text.AsSpan().Trim();
        var end = 0;
        while (end < span.Length && (char.IsAsciiDigit(span[end]) || span[end] is '.' or '-' or '+'
            || ((span[end] is 'e' or 'E') && end + 1 < span.Length && (char.IsAsciiDigit(span[end + 1]) || span[end + 1] is '-' or '+'))))
        {
            end++;
        }

        unit = span[end..].Trim().ToString();
        foreach (var c in unit)
        {
            if (!char.IsLetter(c))
            {
                number = 0;
                return false;
            }
        }

        return decimal.TryParse(span[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    private static FrozenDictionary<string, decimal> BuildDurations()
    {
        var table = new Dictionary<string, decimal>(StringComparer.Ordinal);
        Add(0.01m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(10m, "us", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return table.ToFrozenDictionary(StringComparer.Ordinal);

        void Add(decimal ticks, params string[] names)
        {
            foreach (var name in names)
            {
                table[name] = ticks;
            }
        }
    }

    private static FrozenDictionary<string, decimal> BuildSizes()
    {
        var table = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["B"] = 1, ["b"] = 1, ["byte"] = 1, ["bytes"] = 1,
        };
        string[] decimalNames = ["kB:kilobyte", "MB:megabyte", "GB:gigabyte", "TB:terabyte", "PB:petabyte", "EB:exabyte", "ZB:zettabyte", "YB:yottabyte"];
        string[] binaryNames = ["K:kibibyte", "M:mebibyte", "G:gibibyte", "T:tebibyte", "P:pebibyte", "E:exbibyte", "Z:zebibyte", "Y:yobibyte"];
        decimal ten = 1;
        decimal two = 1;
        for (var i = 0; i < decimalNames.Length; i++)
        {
            ten *= 1000;
            two *= 1024;
            var (shortTen, longTen) = Split(decimalNames[i]);
            table[shortTen] = ten;
            table[longTen] = ten;
            table[longTen + "s"] = ten;
            var (letter, longTwo) = Split(binaryNames[i]);
            table[letter] = two;
            table[letter.ToLowerInvariant()] = two;
            table[letter + "i"] = two;
            table[letter + "iB"] = two;
            table[longTwo] = two;
            table[longTwo + "s"] = two;
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);

        static (string Short, string Long) Split(string pair)
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return (pair[..colon], pair[(colon + 1)..]);
        }
    }
}
