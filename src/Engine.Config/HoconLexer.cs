using System.Globalization;
using System.Text;

namespace Engine.Config;

/// <summary>
/// Splits HOCON text into tokens in one pass over the characters (no regular expressions). Comments are
/// dropped; newlines and in-line whitespace are kept because they separate fields and are preserved in
/// string concatenations. Errors name the file and line.
/// </summary>
internal sealed class HoconLexer
{
    private readonly string _text;
    private readonly string _file;
    private readonly List<HoconToken> _tokens = [];
    private readonly StringBuilder _buffer = new();
    private int _pos;
    private int _line = 1;

    private HoconLexer(string text, string file)
    {
        _text = text;
        _file = file;
    }

    /// <summary>True for the characters the spec forbids in unquoted strings (besides whitespace and "//").</summary>
    public static bool IsForbiddenInUnquoted(char c) => c switch
    {
        '$' or '"' or '{' or '}' or '[' or ']' or ':' or '=' or ',' or '+' or '#' or '`' or '^' or '?' or '!' or '@'
            or '*' or '&' or '\\' => true,
        _ => false,
    };

    /// <summary>True for whitespace other than the newline, including the byte-order mark.</summary>
    public static bool IsInlineWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    public static List<HoconToken> Tokenize(string text, string file)
    {
        var lexer = new HoconLexer(text, file);
        lexer.RejectNul();
        lexer.Run();
        return lexer._tokens;
    }

    /// <summary>A NUL character is never part of a text configuration (a binary or truncated file): refused with its line, wherever it is.</summary>
    private void RejectNul()
    {
        var at = _text.IndexOf('\0', StringComparison.Ordinal);
        if (at < 0)
        {
            return;
        }

        _line = 1 + _text.AsSpan(0, at).Count('\n');
        throw Error("a NUL character (\\0) is not allowed in a configuration file; is it a binary or damaged file?");
    }

    private void Run()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n')
            {
                Add(HoconTokenType.Newline, "\n");
                _pos++;
                _line++;
            }
            else if (IsInlineWhitespace(c))
            {
                var start = _pos;
                while (_pos < _text.Length && IsInlineWhitespace(_text[_pos]))
                {
                    _pos++;
                }

                Add(HoconTokenType.Whitespace, _text[start.._pos]);
            }
            else if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                LexSignificant(c);
            }
        }

        Add(HoconTokenType.End, string.Empty);
    }

    private void LexSignificant(char c)
    {
        switch (c)
        {
            case '{': Single(HoconTokenType.OpenBrace); break;
            case '}': Single(HoconTokenType.CloseBrace); break;
            case '[': Single(HoconTokenType.OpenBracket); break;
            case ']': Single(HoconTokenType.CloseBracket); break;
            case ':': Single(HoconTokenType.Colon); break;
            case '=': Single(HoconTokenType.Equals); break;
            case ',': Single(HoconTokenType.Comma); break;
            case '+':
                if (Peek(1) != '=')
                {
                    throw Error("'+' must be followed by '=' (use quotes for a literal '+')");
                }

                Add(HoconTokenType.PlusEquals, "+=");
                _pos += 2;
                break;
            case '"':
                if (Peek(1) == '"' && Peek(2) == '"')
                {
                    LexTripleQuoted();
                }
                else
                {
                    LexQuoted();
                }

                break;
            case '$':
                LexSubstitution();
                break;
            default:
                if (IsForbiddenInUnquoted(c))
                {
                    throw Error($"unexpected character '{c}' (use quotes around values that contain it)");
                }

                LexUnquoted();
                break;
        }
    }

    private void LexUnquoted()
    {
        var start = _pos;
        var numeric = char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '-';
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '+' && numeric && _pos > start && (_text[_pos - 1] == 'e' || _text[_pos - 1] == 'E'))
            {
                _pos++;
                continue;
            }

            if (IsForbiddenInUnquoted(c) || char.IsWhiteSpace(c) || c == '\uFEFF' || (c == '/' && Peek(1) == '/'))
            {
                break;
            }

            _pos++;
        }

        _tokens.Add(new HoconToken(HoconTokenType.Unquoted, _text[start.._pos], _line));
    }

    private void LexQuoted()
    {
        var line = _line;
        _pos++;
        _buffer.Clear();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error("unterminated quoted string");
            }

            var c = _text[_pos++];
            if (c == '"')
            {
                break;
            }

            if (c != '\\')
            {
                _buffer.Append(c);
                continue;
            }

            if (_pos >= _text.Length)
            {
                throw Error("unterminated quoted string");
            }

            var escape = _text[_pos++];
            switch (escape)
            {
                case '"': _buffer.Append('"'); break;
                case '\\': _buffer.Append('\\'); break;
                case '/': _buffer.Append('/'); break;
                case 'b': _buffer.Append('\b'); break;
                case 'f': _buffer.Append('\f'); break;
                case 'n': _buffer.Append('\n'); break;
                case 'r': _buffer.Append('\r'); break;
                case 't': _buffer.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length
                        || !int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("\\u must be followed by four hex digits");
                    }

                    _buffer.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw Error($"invalid escape '\\{escape}' in quoted string");
            }
        }

        _tokens.Add(new HoconToken(HoconTokenType.Quoted, _buffer.ToString(), line));
    }

    private void LexTripleQuoted()
    {
        var line = _line;
        _pos += 3;
        var start = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                _line = line;
                throw Error("unterminated triple-quoted string");
            }

            if (_text[_pos] == '"' && Peek(1) == '"' && Peek(2) == '"')
            {
                var end = _pos + 3;
                while (end < _text.Length && _text[end] == '"')
                {
                    end++;
                }

                _tokens.Add(new HoconToken(HoconTokenType.Quoted, _text[start..(end - 3)], line));
                _pos = end;
                return;
            }

            if (_text[_pos] == '\n')
            {
                _line++;
            }

            _pos++;
        }
    }

    private void LexSubstitution()
    {
        if (Peek(1) != '{')
        {
            throw Error("'$' must start a substitution '${...}' (use quotes for a literal '$')");
        }

        _pos += 2;
        var optional = false;
        if (Peek(0) == '?')
        {
            optional = true;
            _pos++;
        }

        var start = _pos;
        var inQuotes = false;
        while (_pos < _text.Length && (inQuotes || _text[_pos] != '}'))
        {
            if (_text[_pos] == '\n')
            {
                throw Error("unterminated substitution");
            }

            if (_text[_pos] == '"')
            {
                inQuotes = !inQuotes;
            }

            _pos++;
        }

        if (_pos >= _text.Length)
        {
            throw Error("unterminated substitution");
        }

        var expression = _text[start.._pos].Trim();
        _pos++;
        if (expression.Length == 0)
        {
            throw Error("empty substitution '${}'");
        }

        _tokens.Add(new HoconToken(HoconTokenType.Substitution, expression, _line, optional));
    }

    private void Single(HoconTokenType type)
    {
        Add(type, _text[_pos].ToString());
        _pos++;
    }

    private void Add(HoconTokenType type, string text) => _tokens.Add(new HoconToken(type, text, _line));

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private ConfigException Error(string message) =>
        new(new ConfigError(new HoconOrigin(_file, _line), string.Empty, message));
}
