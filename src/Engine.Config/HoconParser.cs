using System.Text;

namespace Engine.Config;

/// <summary>
/// Builds the (unresolved) tree of one file from its tokens: objects with optional root braces, arrays, path
/// keys, <c>=</c>/<c>:</c>/<c>{</c> separators, <c>+=</c>, value concatenation and includes. Duplicate keys are
/// merged as they are read. Every syntax error names the file and line.
/// </summary>
internal sealed partial class HoconParser
{
    /// <summary>
    /// How deep objects, lists and the segments of a key may nest (counted from the document root). Far beyond any real
    /// configuration; it keeps a hostile or broken file from exhausting the stack of the parser, resolver or binder.
    /// </summary>
    public const int MaxDepth = 100;

    private readonly List<HoconToken> _tokens;
    private readonly string _file;
    private readonly HoconIncludeContext _context;
    private readonly HoconPath _prefix;
    private int _index;
    private int _depth;

    private HoconParser(List<HoconToken> tokens, string file, HoconIncludeContext context, HoconPath prefix)
    {
        _tokens = tokens;
        _file = file;
        _context = context;
        _prefix = prefix;
    }

    /// <summary>Parses a whole document whose keys land under <paramref name="prefix"/> (non-empty for included files).</summary>
    public static HoconObject ParseDocument(string text, string file, HoconIncludeContext context, HoconPath prefix)
    {
        var parser = new HoconParser(HoconLexer.Tokenize(text, file), file, context, prefix);
        return parser.ParseRoot();
    }

    private HoconToken Current => _tokens[_index];

    private HoconObject ParseRoot()
    {
        SkipBlank();
        HoconObject root;
        if (Current.Type == HoconTokenType.OpenBrace)
        {
            root = ParseBracedObject(_prefix);
            SkipBlank();
            if (Current.Type != HoconTokenType.End)
            {
                throw Error(Current.Line, $"unexpected {Describe(Current)} after the closing '}}' of the root object");
            }
        }
        else if (Current.Type == HoconTokenType.OpenBracket)
        {
            throw Error(Current.Line, "the root of a configuration must be an object, not a list");
        }
        else
        {
            root = ParseObjectBody(_prefix, braced: false, Current.Line);
        }

        return root;
    }

    private HoconObject ParseBracedObject(HoconPath path)
    {
        var line = Current.Line;
        Enter(line, path.Length);
        _index++;
        var result = ParseObjectBody(path, braced: true, line);
        _depth--;
        return result;
    }

    /// <summary>Counts one more level of nesting; refuses to go beyond <see cref="MaxDepth"/>.</summary>
    private void Enter(int line, int keyDepth)
    {
        _depth++;
        if (Math.Max(_depth, keyDepth) > MaxDepth)
        {
            throw TooDeep(line);
        }
    }

    private ConfigException TooDeep(int line) =>
        Error(line, $"objects, lists and key paths nest more than {MaxDepth} levels deep here; flatten the configuration");

    private HoconObject ParseObjectBody(HoconPath path, bool braced, int line)
    {
        var fields = new HoconFieldSet(path);
        while (true)
        {
            SkipBlank();
            var token = Current;
            if (token.Type == HoconTokenType.CloseBrace)
            {
                if (!braced)
                {
                    throw Error(token.Line, "unexpected '}' without a matching '{'");
                }

                _index++;
                break;
            }

            if (token.Type == HoconTokenType.End)
            {
                if (braced)
                {
                    throw Error(token.Line, $"missing '}}' to close the object opened on line {line}");
                }

                break;
            }

            if (token.Type == HoconTokenType.Unquoted && token.Text == "include" && IsIncludeAhead())
            {
                ParseInclude(fields, path);
            }
            else
            {
                ParseField(fields, path);
            }

            AfterMember(braced ? HoconTokenType.CloseBrace : HoconTokenType.End, "field");
        }

        return fields.Build(new HoconOrigin(_file, line));
    }

    private void ParseField(HoconFieldSet fields, HoconPath objectPath)
    {
        var keyLine = Current.Line;
        var key = ParseKey();
        SkipWhitespace();
        var fullPath = objectPath.Append(key);
        if (Math.Max(fullPath.Length, _depth + key.Length) > MaxDepth)
        {
            throw TooDeep(keyLine);
        }

        HoconElement value;
        switch (Current.Type)
        {
            case HoconTokenType.Equals or HoconTokenType.Colon:
                _index++;
                SkipWhitespace();
                value = ParseValue(fullPath, key.ToString());
                break;
            case HoconTokenType.PlusEquals:
                _index++;
                SkipWhitespace();
                var element = ParseValue(fullPath, key.ToString());
                var origin = new HoconOrigin(_file, keyLine);
                value = new HoconConcatenation(
                    [new HoconSubstitution(fullPath, optional: true, origin), new HoconArray([element], element.Origin)],
                    [string.Empty, string.Empty],
                    origin);
                break;
            case HoconTokenType.OpenBrace:
                value = ParseBracedObject(fullPath);
                break;
            default:
                throw Error(Current.Line, $"expected ':', '=' or '{{' after key {key}, found {Describe(Current)}");
        }

        for (var i = key.Length - 1; i > 0; i--)
        {
            value = new HoconObject([new(key.Segments[i], value)], new HoconOrigin(_file, keyLine));
        }

        fields.Set(key.Segments[0], value);
    }

    private HoconPath ParseKey()
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        var started = false;
        var pendingSpace = string.Empty;
        var line = Current.Line;
        while (true)
        {
            var token = Current;
            if (token.Type == HoconTokenType.Whitespace)
            {
                pendingSpace = token.Text;
                _index++;
                continue;
            }

            if (token.Type is not (HoconTokenType.Unquoted or HoconTokenType.Quoted))
            {
                break;
            }

            if (started || current.Length > 0)
            {
                current.Append(pendingSpace);
            }

            pendingSpace = string.Empty;
            if (token.Type == HoconTokenType.Quoted)
            {
                current.Append(token.Text);
                started = true;
            }
            else
            {
                var pieces = token.Text.Split('.');
                current.Append(pieces[0]);
                started |= pieces[0].Length > 0;
                for (var p = 1; p < pieces.Length; p++)
                {
                    if (!started)
                    {
                        throw Error(token.Line, $"empty key in path '{token.Text}' (quote an empty key as \"\")");
                    }

                    segments.Add(current.ToString());
                    current.Clear();
                    current.Append(pieces[p]);
                    started = pieces[p].Length > 0;
                }
            }

            _index++;
        }

        if (!started)
        {
            if (segments.Count == 0)
            {
                throw Error(line, $"expected a key, found {Describe(Current)}");
            }

            throw Error(line, "a key must not end with '.'");
        }

        segments.Add(current.ToString());
        return new HoconPath(segments);
    }

    private void AfterMember(HoconTokenType closer, string what)
    {
        SkipWhitespace();
        var token = Current;
        if (token.Type == HoconTokenType.Comma)
        {
            _index++;
            SkipBlank();
            if (Current.Type == HoconTokenType.Comma)
            {
                throw Error(Current.Line, "two commas in a row");
            }

            return;
        }

        if (token.Type == HoconTokenType.Newline || token.Type == closer
            || (closer == HoconTokenType.End && token.Type == HoconTokenType.CloseBrace))
        {
            return;
        }

        throw Error(token.Line, $"expected ',' or a new line after the {what}, found {Describe(token)}");
    }

    private void SkipWhitespace()
    {
        while (Current.Type == HoconTokenType.Whitespace)
        {
            _index++;
        }
    }

    private void SkipBlank()
    {
        while (Current.Type is HoconTokenType.Whitespace or HoconTokenType.Newline)
        {
            _index++;
        }
    }

    private ConfigException Error(int line, string message) =>
        new(new ConfigError(new HoconOrigin(_file, line), string.Empty, message));

    private static string Describe(HoconToken token) => token.Type switch
    {
        HoconTokenType.End => "end of file",
        HoconTokenType.Newline => "a new line",
        HoconTokenType.Quoted => HoconValue.Quote(token.Text),
        HoconTokenType.Substitution => $"substitution ${{{token.Text}}}",
        _ => $"'{token.Text}'",
    };
}
