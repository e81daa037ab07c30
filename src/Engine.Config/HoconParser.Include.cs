namespace Engine.Config;

/// <summary>
/// <c>include "file"</c>, <c>include file("file")</c> and <c>include required(...)</c>: the included file's
/// keys are merged in place of the statement, relative to the including object.
/// </summary>
internal sealed partial class HoconParser
{
    private bool IsIncludeAhead()
    {
        var i = _index + 1;
        while (_tokens[i].Type is HoconTokenType.Whitespace or HoconTokenType.Newline)
        {
            i++;
        }

        var next = _tokens[i];
        return next.Type == HoconTokenType.Quoted
            || (next.Type == HoconTokenType.Unquoted && next.Text.Contains('(', StringComparison.Ordinal));
    }

    private void ParseInclude(HoconFieldSet fields, HoconPath path)
    {
        var line = Current.Line;
        _index++;
        SkipBlank();
        var opening = string.Empty;
        while (Current.Type == HoconTokenType.Unquoted)
        {
            opening += Current.Text;
            _index++;
            SkipWhitespace();
        }

        if (Current.Type != HoconTokenType.Quoted)
        {
            throw Error(Current.Line, $"expected a quoted file name after include, found {Describe(Current)}");
        }

        var name = Current.Text;
        _index++;
        SkipWhitespace();
        var closing = string.Empty;
        while (Current.Type == HoconTokenType.Unquoted && Current.Text.All(c => c == ')'))
        {
            closing += Current.Text;
            _index++;
            SkipWhitespace();
        }

        var rest = opening;
        var depth = 0;
        if (rest.StartsWith("required(", StringComparison.Ordinal))
        {
            rest = rest["required(".Length..];
            depth++;
        }

        if (rest == "file(")
        {
            depth++;
        }
        else if (rest is "classpath(" or "url(")
        {
            throw Error(line, $"include {rest}...): only files can be included");
        }
        else if (rest.Length > 0)
        {
            throw Error(line, $"expected include \"file\", file(\"...\") or required(...), found '{opening}'");
        }

        if (closing != new string(')', depth))
        {
            throw Error(line, $"unbalanced parentheses in include of \"{name}\"");
        }

        var included = _context.Include(name, _file, new HoconOrigin(_file, line), path);
        foreach (var (key, value) in included.Fields)
        {
            fields.Set(key, value);
        }
    }
}
