using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Engine.Config;

/// <summary>Scalars: conversion, ranges and the "expected ..." wording of errors.</summary>
public static partial class HoconBinder
{
    private static object? BindValue(Type type, HoconElement element, HoconPath path, BinderMember? member, List<ConfigError> errors, out bool ok)
    {
        ok = true;
        var underlying = Nullable.GetUnderlyingType(type);
        var target = underlying ?? type;
        if (element is HoconValue { Kind: HoconValueKind.Null })
        {
            if (underlying is not null || member?.AllowsNull == true)
            {
                return null;
            }

            return Fail(target, element, path, member, errors, out ok);
        }

        if (target == typeof(HoconConfig))
        {
            // A raw sub-tree, bound later by its owner (a plugin's parameters); origins are kept for its errors.
            if (element is HoconObject subtree)
            {
                return HoconConfig.FromObject(subtree);
            }

            return Fail(target, element, path, member, errors, out ok);
        }

        if (IsScalar(target))
        {
            if (element is not HoconValue scalar || !TryConvert(target, scalar, member, out var value) || !InRange(member, value))
            {
                return Fail(target, element, path, member, errors, out ok);
            }

            return value;
        }

        if (ListElementType(target) is { } itemType)
        {
            return BindList(target, itemType, element, path, member, errors, out ok);
        }

        if (DictionaryValueType(target) is { } valueType)
        {
            return BindDictionary(valueType, element, path, member, errors, out ok);
        }

        return BindObject(target, element, path, errors, out ok);
    }

    private static object? Fail(Type type, HoconElement element, HoconPath path, BinderMember? member, List<ConfigError> errors, out bool ok)
    {
        ok = false;
        var got = member?.IsSecret == true ? "a value that is not shown (secret)" : element.Describe();
        errors.Add(new ConfigError(element.Origin, path.ToString(), $"expected {Describe(type, member)}, got {got}"));
        return null;
    }

    private static bool IsScalar(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long)
        || type == typeof(decimal) || type == typeof(double) || type == typeof(TimeSpan) || type == typeof(Uri)
        || type == typeof(ByteSize) || type.IsEnum;

    private static bool TryConvert(Type type, HoconValue scalar, BinderMember? member, out object? value)
    {
        value = null;
        if (type == typeof(string))
        {
            value = scalar.Text;
        }
        else if (type == typeof(bool))
        {
            if (scalar.TryGetBoolean(out var flag))
            {
                value = flag;
            }
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            value = ToInteger(type, scalar, member?.Find<BytesAttribute>() is not null);
        }
        else if (type == typeof(decimal))
        {
            value = scalar.TryGetDecimal(out var number) ? number : null;
        }
        else if (type == typeof(double))
        {
            value = scalar.TryGetDouble(out var number) ? number : null;
        }
        else if (type == typeof(TimeSpan))
        {
            value = HoconUnits.TryParseDuration(scalar.Text, out var duration) ? duration : null;
        }
        else if (type == typeof(ByteSize))
        {
            value = HoconUnits.TryParseBytes(scalar.Text, out var bytes) ? new ByteSize(bytes) : null;
        }
        else if (type == typeof(Uri))
        {
            value = Uri.TryCreate(scalar.Text, UriKind.Absolute, out var uri) ? uri : null;
        }
        else if (type.IsEnum && scalar.Kind == HoconValueKind.String)
        {
            var wanted = HoconNaming.Normalize(scalar.Text);
            value = Enum.GetNames(type).Where(n => HoconNaming.Normalize(n) == wanted).Select(n => Enum.Parse(type, n)).FirstOrDefault();
        }

        return value is not null;
    }

    private static object? ToInteger(Type type, HoconValue scalar, bool bytes)
    {
        decimal number;
        if (bytes)
        {
            if (!HoconUnits.TryParseBytes(scalar.Text, out var size))
            {
                return null;
            }

            number = size;
        }
        else if (!scalar.TryGetDecimal(out number) || number != decimal.Truncate(number))
        {
            return null;
        }

        if (type == typeof(int))
        {
            if (number is < int.MinValue or > int.MaxValue)
            {
                return null;
            }

            object asInt = (int)number;
            return asInt;
        }

        if (number is < long.MinValue or > long.MaxValue)
        {
            return null;
        }

        object asLong = (long)number;
        return asLong;
    }

    private static bool InRange(BinderMember? member, object? value)
    {
        if (member?.Find<RangeAttribute>() is not { } range)
        {
            return true;
        }

        try
        {
            return range.IsValid(value);
        }
        catch (Exception ex) when (ex is OverflowException or InvalidCastException or FormatException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private static string Describe(Type type, BinderMember? member)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var text = type switch
        {
            _ when type == typeof(string) => "a string",
            _ when type == typeof(bool) => "a boolean (true/false/yes/no/on/off)",
            _ when (type == typeof(long) || type == typeof(int)) && member?.Find<BytesAttribute>() is not null => "a size in bytes such as 512K or 64MiB",
            _ when type == typeof(long) || type == typeof(int) => "an integer",
            _ when type == typeof(decimal) || type == typeof(double) => "a number",
            _ when type == typeof(TimeSpan) => "a duration such as 5s, 200ms or 1 minute",
            _ when type == typeof(ByteSize) => "a size in bytes such as 512K or 64MiB",
            _ when type == typeof(Uri) => "an absolute URI",
            _ when type.IsEnum => $"one of: {string.Join(", ", Enum.GetNames(type).Select(HoconNaming.ToKebabCase))}",
            _ when ListElementType(type) is { } item => $"a list of {Plural(Describe(item, null))}",
            _ when DictionaryValueType(type) is { } value => $"an object of {Plural(Describe(value, null))}",
            _ => "an object",
        };
        if (member?.Find<RangeAttribute>() is { } range)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" between {range.Minimum} and {range.Maximum}");
        }

        return text;
    }

    private static string Plural(string description) =>
        description.StartsWith("an ", StringComparison.Ordinal) ? description[3..] + "s"
        : description.StartsWith("a ", StringComparison.Ordinal) ? description[2..] + "s"
        : description;
}
