using System.Text;

namespace Engine.Config;

/// <summary>Renders a resolved tree as compact JSON, for diagnostics and tests. Pure.</summary>
internal static class HoconJson
{
    public static string Render(HoconElement element)
    {
        var builder = new StringBuilder();
        Write(builder, element);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, HoconElement element)
    {
        switch (element)
        {
            case HoconObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj.Fields)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    builder.Append(HoconValue.Quote(key)).Append(':');
                    Write(builder, value);
                }

                builder.Append('}');
                break;
            case HoconArray array:
                builder.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, array.Items[i]);
                }

                builder.Append(']');
                break;
            case HoconValue { Kind: HoconValueKind.String } scalar:
                builder.Append(HoconValue.Quote(scalar.Text));
                break;
            case HoconValue scalar:
                builder.Append(scalar.Text);
                break;
            default:
                builder.Append(element.Describe());
                break;
        }
    }
}
