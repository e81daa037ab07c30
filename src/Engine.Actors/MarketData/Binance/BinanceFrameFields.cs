using System.Buffers.Text;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData.Binance;

/// <summary>
/// The one-letter fields of a Binance stream payload (<c>e</c>, <c>E</c>, <c>s</c>, <c>b</c>, <c>B</c>, ...; case
/// matters), captured in one pass of a <see cref="Utf8JsonReader"/> as positions in the frame: no
/// <see cref="JsonDocument"/>, no string per field. Depth levels (<c>b</c>/<c>a</c> arrays) are decoded as they are
/// read; a kline's <c>k</c> object goes into <paramref name="nested"/>. Values are converted when asked for, and a
/// missing or malformed one is a <see cref="FormatException"/> naming the field and what was expected. Lives on the
/// stack for one <see cref="BinanceFeedCodec.Decode"/>.
/// </summary>
internal ref struct BinanceFrameFields(ReadOnlySpan<byte> frame, Span<FrameField> fields, Span<FrameField> nested)
{
    /// <summary>Slots of a field set: <c>A</c>-<c>Z</c> then <c>a</c>-<c>z</c>.</summary>
    public const int Slots = 52;

    private readonly ReadOnlySpan<byte> _frame = frame;
    private readonly Span<FrameField> _fields = fields;
    private readonly Span<FrameField> _nested = nested;

    /// <summary>The <c>b</c> levels of a depth update, when <c>b</c> was an array.</summary>
    public ImmutableArray<BookLevel>? Bids { get; private set; }

    /// <summary>The <c>a</c> levels of a depth update, when <c>a</c> was an array.</summary>
    public ImmutableArray<BookLevel>? Asks { get; private set; }

    /// <summary>A payload object was read into these fields.</summary>
    public bool HasPayload { get; private set; }

    /// <summary>The kline's <c>k</c> object, when there was one.</summary>
    public readonly BinanceFrameFields Kline => new(_frame, _nested, []);

    /// <summary>A kline's <c>k</c> object was read.</summary>
    public bool HasKline { get; private set; }

    /// <summary>Reads the object <paramref name="reader"/> stands on (<see cref="JsonTokenType.StartObject"/>) to its end.</summary>
    public void ReadObject(scoped ref Utf8JsonReader reader)
    {
        HasPayload = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueIsEscaped ? default : reader.ValueSpan;
            reader.Read();
            ReadMember(name, ref reader);
        }
    }

    /// <summary>Captures one member whose value <paramref name="reader"/> stands on; members the feed does not use are skipped.</summary>
    public void ReadMember(scoped ReadOnlySpan<byte> name, scoped ref Utf8JsonReader reader)
    {
        var slot = Slot(name);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray when name.SequenceEqual("b"u8):
                Bids = Levels(ref reader, "b");
                break;
            case JsonTokenType.StartArray when name.SequenceEqual("a"u8):
                Asks = Levels(ref reader, "a");
                break;
            case JsonTokenType.StartObject when name.SequenceEqual("k"u8) && _nested.Length == Slots:
                var kline = Kline;
                kline.ReadObject(ref reader);
                HasKline = true;
                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                break;
            default:
                if (slot >= 0)
                {
                    _fields[slot] = Capture(ref reader);
                }

                break;
        }
    }

    /// <summary>The field named <paramref name="name"/> (absent: <see cref="FrameField.IsPresent"/> false).</summary>
    public readonly FrameField this[char name] => _fields[Slot(name)];

    /// <summary>The unescaped bytes of string field <paramref name="name"/> when it is a string without escapes, else empty.</summary>
    public readonly ReadOnlySpan<byte> PlainString(char name)
    {
        var field = this[name];
        return field.Type == JsonTokenType.String && !field.Escaped ? Content(field) : default;
    }

    /// <summary>A required string field, unescaped.</summary>
    public readonly string Str(char name) => OptStr(name) ?? throw new FormatException($"'{name}' is missing or null");

    /// <summary>An optional string field: null when absent or null.</summary>
    public readonly string? OptStr(char name)
    {
        var field = this[name];
        return field.Type switch
        {
            JsonTokenType.None or JsonTokenType.Null => null,
            JsonTokenType.String => Text(field),
            _ => throw new FormatException($"'{name}' must be a string, not {Raw(field)}"),
        };
    }

    /// <summary>An integer field, a JSON number or a string of digits.</summary>
    public readonly long Long(char name)
    {
        var field = this[name];
        if (!field.IsPresent)
        {
            throw new FormatException($"'{name}' is missing");
        }

        var text = field.Type is JsonTokenType.Number or JsonTokenType.String && !field.Escaped ? Content(field) : default;
        return !text.IsEmpty && Utf8Parser.TryParse(text, out long value, out var consumed) && consumed == text.Length
            ? value
            : throw new FormatException($"'{name}' must be an integer, not {Raw(field)}");
    }

    /// <summary>A decimal field: a decimal string (Binance quotes prices and sizes) or a number.</summary>
    public readonly decimal Dec(char name)
    {
        var field = this[name];
        return field.IsPresent
            ? DecimalOf(field, name.ToString())
            : throw new FormatException($"'{name}' is missing");
    }

    /// <summary>An optional decimal field: null when absent.</summary>
    public readonly decimal? OptDec(char name)
    {
        var field = this[name];
        return field.IsPresent ? DecimalOf(field, name.ToString()) : null;
    }

    /// <summary>A <c>true</c>/<c>false</c> field.</summary>
    public readonly bool Bool(char name) => this[name].Type switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new FormatException($"'{name}' must be true or false"),
    };

    private readonly decimal DecimalOf(FrameField field, string what)
    {
        if (field.Type is JsonTokenType.String or JsonTokenType.Number)
        {
            var parsed = field.Escaped
                ? decimal.TryParse(Text(field), System.Globalization.NumberStyles.Number | System.Globalization.NumberStyles.AllowExponent, System.Globalization.CultureInfo.InvariantCulture, out var value)
                : Utf8Decimal.TryParse(Content(field), out value);
            if (parsed)
            {
                return value;
            }
        }

        throw new FormatException($"'{what}' must be a decimal string, not {Raw(field)}");
    }

    private readonly ImmutableArray<BookLevel> Levels(scoped ref Utf8JsonReader reader, string name)
    {
        var builder = ImmutableArray.CreateBuilder<BookLevel>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new FormatException($"'{name}' level {Raw(Capture(ref reader))} must be [price, quantity]");
            }

            var price = NextValue(ref reader, name);
            var quantity = NextValue(ref reader, name);
            builder.Add(new BookLevel(DecimalOf(price, name + " price"), DecimalOf(quantity, name + " quantity")));
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                reader.Skip();
            }
        }

        return builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable();
    }

    private static FrameField NextValue(scoped ref Utf8JsonReader reader, string name)
    {
        if (!reader.Read() || reader.TokenType is JsonTokenType.EndArray or JsonTokenType.StartArray or JsonTokenType.StartObject)
        {
            throw new FormatException($"'{name}' level must be [price, quantity]");
        }

        return Capture(ref reader);
    }

    /// <summary>The position and token of the value <paramref name="reader"/> stands on.</summary>
    public static FrameField Capture(scoped ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        var quoted = reader.TokenType == JsonTokenType.String ? 2 : 0;
        return new FrameField(start, reader.ValueSpan.Length + quoted, reader.TokenType, reader.ValueIsEscaped);
    }

    private readonly ReadOnlySpan<byte> Content(FrameField field) =>
        field.Type == JsonTokenType.String ? _frame.Slice(field.Start + 1, field.Length - 2) : _frame.Slice(field.Start, field.Length);

    private readonly string Text(FrameField field)
    {
        if (!field.Escaped)
        {
            return Encoding.UTF8.GetString(Content(field));
        }

        var reader = new Utf8JsonReader(_frame.Slice(field.Start, field.Length));
        reader.Read();
        return reader.GetString() ?? string.Empty;
    }

    private readonly string Raw(FrameField field) => field.IsPresent ? Encoding.UTF8.GetString(_frame.Slice(field.Start, field.Length)) : "nothing";

    private static int Slot(ReadOnlySpan<byte> name) => name.Length == 1 ? Slot((char)name[0]) : -1;

    private static int Slot(char name) => name switch
    {
        >= 'A' and <= 'Z' => name - 'A',
        >= 'a' and <= 'z' => 26 + (name - 'a'),
        _ => -1,
    };
}
