using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>
/// Serialises outgoing frames. Python mode mimics <c>json.dumps</c> defaults: <c>", "</c> and <c>": "</c>
/// separators, non-ASCII as <c>\uXXXX</c>, decimals as Python float repr (<c>100.0</c>, <c>1e-08</c>), longs as
/// ints. Values echoed from a request (cid, ts) keep their exact JSON text. Compact mode writes the same
/// values without spaces and decimals in plain notation. Pure and thread-safe.
/// </summary>
internal static class QuantJsonWriter
{
    public static string Write(JsonNode? node, bool python)
    {
        var sb = new StringBuilder(128);
        WriteNode(sb, node, python);
        return sb.ToString();
    }

    private static void WriteNode(StringBuilder sb, JsonNode? node, bool python)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!first)
                    {
                        sb.Append(python ? ", " : ",");
                    }

                    first = false;
                    WriteString(sb, key);
                    sb.Append(python ? ": " : ":");
                    WriteNode(sb, value, python);
                }

                sb.Append('}');
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(python ? ", " : ",");
                    }

                    WriteNode(sb, array[i], python);
                }

                sb.Append(']');
                break;
            case JsonValue value:
                WriteValue(sb, value, python);
                break;
        }
    }

    private static void WriteValue(StringBuilder sb, JsonValue value, bool python)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                WriteString(sb, element.GetString()!);
            }
            else if (element.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                WriteNode(sb, JsonNode.Parse(element.GetRawText()), python);
            }
            else
            {
                sb.Append(element.GetRawText());
            }
        }
        else if (value.TryGetValue<string>(out var s))
        {
            WriteString(sb, s);
        }
        else if (value.TryGetValue<bool>(out var b))
        {
            sb.Append(b ? "true" : "false");
        }
        else if (value.TryGetValue<long>(out var l))
        {
            sb.Append(l.ToString(CultureInfo.InvariantCulture));
        }
        else if (value.TryGetValue<int>(out var i))
        {
            sb.Append(i.ToString(CultureInfo.InvariantCulture));
        }
        else if (value.TryGetValue<decimal>(out var d))
        {
            // Decimal arithmetic can leave a negative zero (a lock taken and released); money has no sign at zero.
            d = d == 0m ? 0m : d;
            sb.Append(python ? PythonFloat(d) : PlainDecimal(d));
        }
        else
        {
            sb.Append(value.ToJsonString());
        }
    }

    /// <summary>Python <c>repr(float(d))</c>.</summary>
    internal static string PythonFloat(decimal d)
    {
        var f = (double)d;
        if (f == Math.Floor(f) && Math.Abs(f) < 1e16)
        {
            return f.ToString("F0", CultureInfo.InvariantCulture) + ".0";
        }

        var r = f.ToString("R", CultureInfo.InvariantCulture).ToLowerInvariant();
        var e = r.IndexOf('e', StringComparison.Ordinal);
        if (e < 0)
        {
            return r;
        }

        var mantissa = r[..e];
        var sign = r[e + 1];
        var digits = r[(e + 2)..].TrimStart('0').PadLeft(2, '0');
        return $"{mantissa}e{sign}{digits}";
    }

    private static string PlainDecimal(decimal d) => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
