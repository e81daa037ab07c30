using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>
/// Writes outgoing frames straight to UTF-8. Python mode mimics <c>json.dumps</c> defaults: <c>", "</c> and
/// <c>": "</c> separators, non-ASCII as <c>\uXXXX</c>, decimals as Python float repr (<c>100.0</c>, <c>1e-08</c>),
/// longs as ints. Values echoed from a request (cid, ts) keep their exact JSON text. Compact mode writes the same
/// values without spaces and decimals in plain notation. A frame is written token by token
/// (<see cref="StartObject"/>, <see cref="Name"/>, a value, …, <see cref="EndObject"/>) and taken with
/// <see cref="ToFrame"/>; separators are placed by the writer. One instance per thread (<see cref="Start"/>), reused
/// frame after frame, so a frame costs one array of its own size.
/// </summary>
internal sealed class QuantJsonWriter
{
    /// <summary>A writer whose buffer grew past this (a huge echoed value) is dropped rather than kept by its thread.</summary>
    private const int KeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static QuantJsonWriter? current;

    /// <summary>Characters a string keeps as they are: printable ASCII but the quote and the backslash.</summary>
    private static readonly SearchValues<char> Verbatim = SearchValues.Create(
        string.Concat(Enumerable.Range(0x20, 0x7f - 0x20).Select(c => (char)c).Where(c => c is not ('"' or '\\'))));

    private readonly ArrayBufferWriter<byte> buffer = new(512);
    private bool python;
    private bool needsSeparator;

    private QuantJsonWriter()
    {
    }

    /// <summary>The calling thread's writer, emptied, in <paramref name="pythonJson"/> mode. Valid until the next <see cref="Start"/> on this thread.</summary>
    public static QuantJsonWriter Start(bool pythonJson)
    {
        var writer = current is { } kept && kept.buffer.Capacity <= KeptCapacity ? kept : current = new QuantJsonWriter();
        writer.buffer.ResetWrittenCount();
        writer.python = pythonJson;
        writer.needsSeparator = false;
        return writer;
    }

    /// <summary>Serialises <paramref name="node"/> to text (tests and diagnostics; frames use <see cref="Frame"/>).</summary>
    public static string Write(JsonNode? node, bool python) => Encoding.UTF8.GetString(Frame(node, python));

    /// <summary>Serialises <paramref name="node"/> to a UTF-8 frame.</summary>
    public static byte[] Frame(JsonNode? node, bool python) => Start(python).Node(node).ToFrame();

    /// <summary>A copy of what was written: the frame to send.</summary>
    public byte[] ToFrame() => buffer.WrittenSpan.ToArray();

    public QuantJsonWriter StartObject()
    {
        Separator();
        Ascii("{");
        needsSeparator = false;
        return this;
    }

    public QuantJsonWriter EndObject()
    {
        Ascii("}");
        needsSeparator = true;
        return this;
    }

    public QuantJsonWriter StartArray()
    {
        Separator();
        Ascii("[");
        needsSeparator = false;
        return this;
    }

    public QuantJsonWriter EndArray()
    {
        Ascii("]");
        needsSeparator = true;
        return this;
    }

    /// <summary>A property name and its colon; the value follows.</summary>
    public QuantJsonWriter Name(string name)
    {
        Separator();
        Escaped(name);
        Ascii(python ? ": " : ":");
        needsSeparator = false;
        return this;
    }

    public QuantJsonWriter String(string value)
    {
        Separator();
        Escaped(value);
        needsSeparator = true;
        return this;
    }

    /// <summary>A string, or <c>null</c> when <paramref name="value"/> is null.</summary>
    public QuantJsonWriter StringOrNull(string? value) => value is null ? Null() : String(value);

    public QuantJsonWriter Bool(bool value)
    {
        Separator();
        Ascii(value ? "true" : "false");
        needsSeparator = true;
        return this;
    }

    public QuantJsonWriter Null()
    {
        Separator();
        Ascii("null");
        needsSeparator = true;
        return this;
    }

    public QuantJsonWriter Number(long value)
    {
        Separator();
        var span = buffer.GetSpan(20);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        buffer.Advance(written);
        needsSeparator = true;
        return this;
    }

    /// <summary>Money and sizes: Python float repr, or plain notation in compact mode; a negative zero is written as zero.</summary>
    public QuantJsonWriter Number(decimal value)
    {
        Separator();

        // Decimal arithmetic can leave a negative zero (a lock taken and released); money has no sign at zero.
        value = value == 0m ? 0m : value;
        Span<char> chars = stackalloc char[64];
        var length = python ? PythonFloat(value, chars) : PlainDecimal(value, chars);
        var span = buffer.GetSpan(length);
        for (var i = 0; i < length; i++)
        {
            span[i] = (byte)chars[i];
        }

        buffer.Advance(length);
        needsSeparator = true;
        return this;
    }

    /// <summary>A value taken from a request (cid, ts), echoed with its exact JSON text; strings are re-escaped, containers re-written.</summary>
    public QuantJsonWriter Echo(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return String(value.GetString()!);
            case JsonValueKind.Object or JsonValueKind.Array:
                return Node(JsonNode.Parse(value.GetRawText()));
            default:
                Separator();
                buffer.Write(JsonMarshal.GetRawUtf8Value(value));
                needsSeparator = true;
                return this;
        }
    }

    /// <summary>A request's cid: echoed as is, or <c>""</c> when the request had none.</summary>
    public QuantJsonWriter Cid(JsonElement? cid) => cid is { } c ? Echo(c) : String(string.Empty);

    /// <summary>Any JSON node (frames still built as nodes, and containers echoed from requests).</summary>
    public QuantJsonWriter Node(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return Null();
            case JsonObject obj:
                StartObject();
                foreach (var (key, value) in obj)
                {
                    Name(key).Node(value);
                }

                return EndObject();
            case JsonArray array:
                StartArray();
                for (var i = 0; i < array.Count; i++)
                {
                    Node(array[i]);
                }

                return EndArray();
            case JsonValue value:
                return Value(value);
            default:
                return this;
        }
    }

    /// <summary>Python <c>repr(float(d))</c>.</summary>
    internal static string PythonFloat(decimal d)
    {
        Span<char> chars = stackalloc char[64];
        return new string(chars[..PythonFloat(d, chars)]);
    }

    private QuantJsonWriter Value(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return Echo(element);
        }

        if (value.TryGetValue<string>(out var s))
        {
            return String(s);
        }

        if (value.TryGetValue<bool>(out var b))
        {
            return Bool(b);
        }

        if (value.TryGetValue<long>(out var l))
        {
            return Number(l);
        }

        if (value.TryGetValue<int>(out var i))
        {
            return Number(i);
        }

        if (value.TryGetValue<decimal>(out var d))
        {
            return Number(d);
        }

        Separator();
        Utf8(value.ToJsonString());
        needsSeparator = true;
        return this;
    }

    /// <summary>Python <c>repr(float(d))</c> into <paramref name="chars"/>; returns its length.</summary>
    private static int PythonFloat(decimal d, Span<char> chars)
    {
        var f = (double)d;
        int length;
        if (f == Math.Floor(f) && Math.Abs(f) < 1e16)
        {
            f.TryFormat(chars, out length, "F0", CultureInfo.InvariantCulture);
            ".0".CopyTo(chars[length..]);
            return length + 2;
        }

        Span<char> r = stackalloc char[40];
        f.TryFormat(r, out length, "R", CultureInfo.InvariantCulture);
        r = r[..length];
        var e = r.IndexOfAny('e', 'E');
        if (e < 0)
        {
            r.CopyTo(chars);
            return length;
        }

        // Mantissa, 'e', the exponent's sign, then its digits without leading zeros, at least two.
        var at = 0;
        foreach (var c in r[..e])
        {
            chars[at++] = char.ToLowerInvariant(c);
        }

        chars[at++] = 'e';
        chars[at++] = r[e + 1];
        var digits = r[(e + 2)..].TrimStart('0');
        for (var pad = digits.Length; pad < 2; pad++)
        {
            chars[at++] = '0';
        }

        digits.CopyTo(chars[at..]);
        return at + digits.Length;
    }

    private static int PlainDecimal(decimal d, Span<char> chars)
    {
        (d / 1.000000000000000000000000000000000m).TryFormat(chars, out var length, default, CultureInfo.InvariantCulture);
        return length;
    }

    private void Separator()
    {
        if (needsSeparator)
        {
            Ascii(python ? ", " : ",");
        }
    }

    private void Ascii(string text)
    {
        var span = buffer.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }

        buffer.Advance(text.Length);
    }

    private void Utf8(string text)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    /// <summary>A quoted string: printable ASCII as is, the short escapes, everything else as <c>\uXXXX</c> per UTF-16 unit.</summary>
    private void Escaped(string s)
    {
        if (!s.AsSpan().ContainsAnyExcept(Verbatim))
        {
            // The usual case (ids, symbols, statuses): printable ASCII with nothing to escape, narrowed in one pass.
            var plain = buffer.GetSpan(s.Length + 2);
            plain[0] = (byte)'"';
            System.Text.Ascii.FromUtf16(s, plain[1..], out var narrowed);
            plain[narrowed + 1] = (byte)'"';
            buffer.Advance(narrowed + 2);
            return;
        }

        // Worst case six bytes a character plus the quotes.
        var span = buffer.GetSpan((s.Length * 6) + 2);
        var at = 0;
        span[at++] = (byte)'"';
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': at = Put(span, at, '\\', '"'); break;
                case '\\': at = Put(span, at, '\\', '\\'); break;
                case '\n': at = Put(span, at, '\\', 'n'); break;
                case '\r': at = Put(span, at, '\\', 'r'); break;
                case '\t': at = Put(span, at, '\\', 't'); break;
                case '\b': at = Put(span, at, '\\', 'b'); break;
                case '\f': at = Put(span, at, '\\', 'f'); break;
                default:
                    if (c < 0x20 || c > 0x7e)
                    {
                        span[at++] = (byte)'\\';
                        span[at++] = (byte)'u';
                        ((int)c).TryFormat(span[at..], out var written, "x4", CultureInfo.InvariantCulture);
                        at += written;
                    }
                    else
                    {
                        span[at++] = (byte)c;
                    }

                    break;
            }
        }

        span[at++] = (byte)'"';
        buffer.Advance(at);
    }

    private static int Put(Span<byte> span, int at, char first, char second)
    {
        span[at] = (byte)first;
        span[at + 1] = (byte)second;
        return at + 2;
    }
}
