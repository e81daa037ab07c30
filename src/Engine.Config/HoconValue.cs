using System.Globalization;

namespace Engine.Config;

/// <summary>
/// A scalar: string, number, boolean or null. The text is kept exactly as written (numbers are not
/// rounded); conversions happen when a getter or the binder asks for a type.
/// </summary>
public sealed class HoconValue : HoconElement
{
    /// <summary>Creates a scalar.</summary>
    public HoconValue(HoconValueKind kind, string text, HoconOrigin origin)
        : base(origin)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>How the scalar was written.</summary>
    public HoconValueKind Kind { get; }

    /// <summary>The text of the scalar; <c>null</c> renders as "null".</summary>
    public string Text { get; }

    internal override bool IsResolved => true;

    /// <summary>
    /// The environment variable(s) the text came from (whole or in part), or null when it was written in a file. Such a
    /// value may be a secret whatever key it lands on, so errors describe it by the variable's name, never by its text.
    /// </summary>
    internal string? EnvironmentSource { get; init; }

    internal override string Describe()
    {
        if (EnvironmentSource is not null)
        {
            return $"a value from the environment ({EnvironmentSource}), not shown";
        }

        return Kind switch
        {
            HoconValueKind.String => Quote(Text),
            HoconValueKind.Null => "null",
            _ => Text,
        };
    }

    /// <summary>Reads the scalar as a boolean: true/false, and the spec's yes/no/on/off strings.</summary>
    public bool TryGetBoolean(out bool value)
    {
        value = Text is "true" or "yes" or "on";
        return value || Text is "false" or "no" or "off";
    }

    /// <summary>Reads the scalar as a decimal number (quoted numbers are accepted, as in the spec).</summary>
    public bool TryGetDecimal(out decimal value)
    {
        value = 0;
        return Kind is HoconValueKind.Number or HoconValueKind.String
            && decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads the scalar as a double.</summary>
    public bool TryGetDouble(out double value)
    {
        value = 0;
        return Kind is HoconValueKind.Number or HoconValueKind.String
            && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    internal static string Quote(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
