using System.Text;
using Engine.Messages.Identifiers;

namespace Engine.Actors.MarketData;

/// <summary>
/// The symbols a codec has seen, looked up by their UTF-8 bytes (transcoded on the stack, hashed without a string), so
/// a frame's symbol costs no allocation once the symbol is known. Bounded: past <see cref="Capacity"/> symbols a new one
/// is built each time instead. Not thread-safe: one per codec, used on its feed session's thread.
/// </summary>
internal sealed class SymbolCache
{
    /// <summary>Most symbols kept.</summary>
    public const int Capacity = 4096;

    private const int MaxStackChars = 128;

    private readonly Dictionary<string, Symbol> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Symbol>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates an empty cache.</summary>
    public SymbolCache()
    {
        _lookup = _known.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The symbol spelled by <paramref name="utf8"/> (unescaped); throws <see cref="FormatException"/> for an empty or padded one.</summary>
    public Symbol Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length <= MaxStackChars)
        {
            Span<char> chars = stackalloc char[MaxStackChars];
            if (Encoding.UTF8.TryGetChars(utf8, chars, out var written) && _lookup.TryGetValue(chars[..written], out var known))
            {
                return known;
            }
        }

        var text = Encoding.UTF8.GetString(utf8);
        var created = Create(text);
        if (_known.Count < Capacity)
        {
            _known[text] = created;
        }

        return created;
    }

    /// <summary>A symbol from a string; a bad one is a <see cref="FormatException"/> naming it.</summary>
    public static Symbol Create(string text)
    {
        try
        {
            return new Symbol(text);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"'s' must be a symbol: {ex.Message}", ex);
        }
    }
}
