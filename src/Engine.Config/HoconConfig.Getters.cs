using System.Globalization;

namespace Engine.Config;

/// <summary>Typed getters; paths are expressions such as <c>engine.journal.max-batch</c>.</summary>
public sealed partial class HoconConfig
{
    /// <summary>True when the path exists and is not null.</summary>
    public bool HasPath(string path) =>
        TryGetElement(HoconPath.Parse(path), out var element) && element is not HoconValue { Kind: HoconValueKind.Null };

    /// <summary>The value at the path; throws when missing.</summary>
    public HoconElement GetValue(string path) => Require(HoconPath.Parse(path));

    /// <summary>Where the value at the path was written.</summary>
    public HoconOrigin Origin(string path) => Require(HoconPath.Parse(path)).Origin;

    /// <summary>A scalar as text (numbers and booleans as written).</summary>
    public string GetString(string path) => Scalar(path, "a string").Text;

    /// <summary>A whole number within the range of <see cref="int"/>.</summary>
    public int GetInt(string path)
    {
        var value = GetLong(path);
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw Wrong(path, Require(HoconPath.Parse(path)), "a 32-bit integer");
        }

        return (int)value;
    }

    /// <summary>A whole number within the range of <see cref="long"/>.</summary>
    public long GetLong(string path)
    {
        var scalar = Scalar(path, "an integer");
        if (!scalar.TryGetDecimal(out var value) || value != decimal.Truncate(value) || value is < long.MinValue or > long.MaxValue)
        {
            throw Wrong(path, scalar, "an integer");
        }

        return (long)value;
    }

    /// <summary>A number as <see cref="decimal"/> (exact for prices and quantities).</summary>
    public decimal GetDecimal(string path)
    {
        var scalar = Scalar(path, "a number");
        return scalar.TryGetDecimal(out var value) ? value : throw Wrong(path, scalar, "a number");
    }

    /// <summary>A number as <see cref="double"/>.</summary>
    public double GetDouble(string path)
    {
        var scalar = Scalar(path, "a number");
        return scalar.TryGetDouble(out var value) ? value : throw Wrong(path, scalar, "a number");
    }

    /// <summary>true/false, or the strings yes/no/on/off.</summary>
    public bool GetBool(string path)
    {
        var scalar = Scalar(path, "a boolean");
        return scalar.TryGetBoolean(out var value) ? value : throw Wrong(path, scalar, "a boolean (true/false/yes/no/on/off)");
    }

    /// <summary>A duration (<c>5s</c>, <c>200ms</c>, <c>1 minute</c>; a bare number is milliseconds).</summary>
    public TimeSpan GetDuration(string path)
    {
        var scalar = Scalar(path, "a duration");
        return HoconUnits.TryParseDuration(scalar.Text, out var value)
            ? value
            : throw Wrong(path, scalar, "a duration such as 5s, 200ms or 1 minute");
    }

    /// <summary>A size in bytes (<c>64MiB</c>, <c>10kB</c>, <c>512K</c>; a bare number is bytes).</summary>
    public long GetBytes(string path)
    {
        var scalar = Scalar(path, "a size");
        return HoconUnits.TryParseBytes(scalar.Text, out var value)
            ? value
            : throw Wrong(path, scalar, "a size in bytes such as 512K or 64MiB");
    }

    /// <summary>A list of scalars as strings.</summary>
    public IReadOnlyList<string> GetStringList(string path)
    {
        var array = List(path);
        var result = new List<string>(array.Items.Count);
        for (var i = 0; i < array.Items.Count; i++)
        {
            if (array.Items[i] is not HoconValue { Kind: not HoconValueKind.Null } scalar)
            {
                throw Wrong($"{path}.{i.ToString(CultureInfo.InvariantCulture)}", array.Items[i], "a string");
            }

            result.Add(scalar.Text);
        }

        return result;
    }

    /// <summary>Binds the object at the path to an options type; see <see cref="HoconBinder"/>.</summary>
    public T Bind<T>(string path) => HoconBinder.Bind<T>(this, path);

    /// <summary>The object at the path as a configuration of its own.</summary>
    public HoconConfig GetConfig(string path)
    {
        var element = Require(HoconPath.Parse(path));
        return element is HoconObject obj ? new HoconConfig(obj) : throw Wrong(path, element, "an object");
    }

    /// <summary>A list of objects, each as a configuration.</summary>
    public IReadOnlyList<HoconConfig> GetObjectList(string path)
    {
        var array = List(path);
        var result = new List<HoconConfig>(array.Items.Count);
        for (var i = 0; i < array.Items.Count; i++)
        {
            result.Add(array.Items[i] is HoconObject obj
                ? new HoconConfig(obj)
                : throw Wrong($"{path}.{i.ToString(CultureInfo.InvariantCulture)}", array.Items[i], "an object"));
        }

        return result;
    }

    internal bool TryGetElement(HoconPath path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HoconElement? element)
    {
        element = Root;
        foreach (var key in path.Segments)
        {
            if (element is HoconObject obj && obj.TryGetField(key, out var child))
            {
                element = child;
                continue;
            }

            NotResolved(element, path);
            element = null;
            return false;
        }

        NotResolved(element, path);
        return true;
    }

    private static void NotResolved(HoconElement element, HoconPath path)
    {
        if (element is HoconSubstitution or HoconConcatenation or HoconDelayedMerge)
        {
            throw new ConfigException(new ConfigError(element.Origin, path.ToString(), "the configuration is not resolved yet (call Resolve())"));
        }
    }

    private HoconElement Require(HoconPath path)
    {
        if (TryGetElement(path, out var element))
        {
            return element;
        }

        HoconElement parent = Root;
        foreach (var key in path.Segments)
        {
            if (parent is HoconObject obj && obj.TryGetField(key, out var child) && child is HoconObject)
            {
                parent = child;
            }
            else
            {
                break;
            }
        }

        throw new ConfigException(new ConfigError(parent.Origin, path.ToString(), "missing key"));
    }

    private HoconValue Scalar(string path, string expected)
    {
        var element = Require(HoconPath.Parse(path));
        return element is HoconValue { Kind: not HoconValueKind.Null } scalar ? scalar : throw Wrong(path, element, expected);
    }

    private HoconArray List(string path)
    {
        var element = Require(HoconPath.Parse(path));
        return element as HoconArray ?? throw Wrong(path, element, "a list");
    }

    private static ConfigException Wrong(string path, HoconElement element, string expected) =>
        new(new ConfigError(element.Origin, path, $"expected {expected}, got {element.Describe()}"));
}
