using System.Text;
using System.Text.Json;

namespace Engine.Actors.Tests.Fuzz;

/// <summary>
/// Seeded generator of malformed frames from valid ones: each mutation class is a row of <see cref="Classes"/>, applied
/// to a random token of a random seed frame (found with <see cref="Utf8JsonReader"/>), so the result is wrong in one
/// place and well-formed elsewhere, the way a buggy or hostile venue or client would be. The same seed gives the same
/// frames in the same order.
/// </summary>
internal sealed class FrameMutator(IReadOnlyList<byte[]> seeds, int seed)
{
    private static readonly string[] Numbers = ["1e400", "-1e400", "99999999999999999999999999999999", "-0", "1e-400", "0.000000000000000000000000000001", "-99999999999999999999"];
    private static readonly string[] WrongValues = ["{}", "[]", "null", "true", "\"\"", "\"x\"", "0", "-1", "[1,[2,[3]]]", "{\"a\":{\"b\":null}}"];
    private static readonly string[] Surrogates = ["\\ud800", "\\udc00", "\\udbff\\u0041", "\\ud800\\ud800", "x\\udfff", "\\uD834"];
    private static readonly string[] Roots = [string.Empty, " ", "[]", "\"op\"", "1", "null", "true", "{", "}", "{\"op\":", "{}", "{\"op\":null}", "{\"method\":{}}", "[{}]"];

    private readonly Random random = new(seed);

    /// <summary>The mutation classes, by name.</summary>
    public static IReadOnlyList<string> Classes { get; } =
    [
        "lone-surrogate", "invalid-utf8", "truncated", "byte-flip", "huge-number", "wrong-type", "deep-nesting",
        "odd-root", "duplicate-key", "long-string", "control-char", "unknown-field",
    ];

    /// <summary>The next malformed frame: its class and bytes.</summary>
    public (string Class, byte[] Frame) Next()
    {
        var kind = Classes[random.Next(Classes.Count)];
        var frame = seeds[random.Next(seeds.Count)];
        return (kind, Mutate(kind, frame));
    }

    /// <summary>One frame of <paramref name="kind"/> made from <paramref name="frame"/>.</summary>
    public byte[] Mutate(string kind, byte[] frame) => kind switch
    {
        "lone-surrogate" => IntoString(frame, Pick(Surrogates)),
        "invalid-utf8" => IntoStringBytes(frame, random.Next(3) switch { 0 => [0xC3, 0x28], 1 => [0xED, 0xA0, 0x80], _ => [0xFF] }),
        "truncated" => frame[..random.Next(frame.Length)],
        "byte-flip" => Flip(frame),
        "huge-number" => ReplaceToken(frame, Pick(Numbers), numbersOnly: true),
        "wrong-type" => ReplaceToken(frame, Pick(WrongValues), numbersOnly: false),
        "deep-nesting" => ReplaceToken(frame, new string('[', 5000) + new string(']', 5000), numbersOnly: false),
        "odd-root" => Encoding.UTF8.GetBytes(Pick(Roots)),
        "duplicate-key" => DuplicateFirstKey(frame),
        "long-string" => IntoString(frame, new string('A', 200_000)),
        "control-char" => IntoStringBytes(frame, [0x01, 0x00]),
        "unknown-field" => Insert(frame, 1, Encoding.UTF8.GetBytes("\"zz\u00e9\\u0000\":[null,{}],")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown mutation class"),
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Byte ranges of the scalar tokens (and, unless <paramref name="numbersOnly"/>, of any value) of a valid frame.</summary>
    private static List<(int Start, int End, JsonTokenType Type)> Tokens(byte[] frame)
    {
        var tokens = new List<(int, int, JsonTokenType)>();
        var reader = new Utf8JsonReader(frame);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null)
                {
                    tokens.Add(((int)reader.TokenStartIndex, (int)reader.BytesConsumed, reader.TokenType));
                }
            }
        }
        catch (JsonException)
        {
            // A seed that is not JSON yields the tokens read before the error.
        }

        return tokens;
    }

    private byte[] ReplaceToken(byte[] frame, string replacement, bool numbersOnly)
    {
        var tokens = Tokens(frame).Where(t => !numbersOnly || t.Type == JsonTokenType.Number).ToList();
        if (tokens.Count == 0)
        {
            tokens = Tokens(frame);
        }

        if (tokens.Count == 0)
        {
            return Encoding.UTF8.GetBytes(replacement);
        }

        var (start, end, _) = Pick(tokens);
        return [.. frame[..start], .. Encoding.UTF8.GetBytes(replacement), .. frame[end..]];
    }

    private byte[] IntoString(byte[] frame, string escapedText) => IntoStringBytes(frame, Encoding.UTF8.GetBytes(escapedText));

    /// <summary>Inserts raw bytes just inside the opening quote of a random string token (a value or a property name).</summary>
    private byte[] IntoStringBytes(byte[] frame, byte[] bytes)
    {
        var strings = new List<int>();
        for (var i = 0; i < frame.Length; i++)
        {
            if (frame[i] == (byte)'"' && (i == 0 || frame[i - 1] != (byte)'\\'))
            {
                strings.Add(i + 1);
            }
        }

        return Insert(frame, strings.Count == 0 ? frame.Length : Pick(strings), bytes);
    }

    private static byte[] Insert(byte[] frame, int at, byte[] bytes) =>
        at > frame.Length ? [.. frame, .. bytes] : [.. frame[..at], .. bytes, .. frame[at..]];

    private byte[] Flip(byte[] frame)
    {
        var copy = frame.ToArray();
        for (var n = random.Next(1, 4); n > 0 && copy.Length > 0; n--)
        {
            copy[random.Next(copy.Length)] = (byte)"{}[]\":,\\0-.eE \x7f"[random.Next(15)];
        }

        return copy;
    }

    private byte[] DuplicateFirstKey(byte[] frame)
    {
        var reader = new Utf8JsonReader(frame);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    return Insert(frame, 1, Encoding.UTF8.GetBytes($"{JsonSerializer.Serialize(name)}:{Pick(WrongValues)},"));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not a JSON object: fall through.
        }

        return frame;
    }
}
