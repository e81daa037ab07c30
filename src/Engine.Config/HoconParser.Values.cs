namespace Engine.Config;

/// <summary>Values: scalars, substitutions, arrays, nested objects and their concatenation.</summary>
internal sealed partial class HoconParser
{
    private HoconElement ParseValue(HoconPath fieldPath, string key)
    {
        var parts = new List<HoconElement>();
        var spaces = new List<string>();
        var pending = string.Empty;
        var hasSubstitution = false;
        var line = Current.Line;
        while (true)
        {
            var token = Current;
            if (token.Type == HoconTokenType.Whitespace)
            {
                if (parts.Count > 0 && _tokens[_index + 1].IsValueStart)
                {
                    pending = token.Text;
                    _index++;
                    continue;
                }

                break;
            }

            if (!token.IsValueStart)
            {
                break;
            }

            var origin = new HoconOrigin(_file, token.Line);
            HoconElement part;
            switch (token.Type)
            {
                case HoconTokenType.OpenBrace:
                    part = ParseBracedObject(fieldPath);
                    break;
                case HoconTokenType.OpenBracket:
                    part = ParseArray(fieldPath);
                    break;
                case HoconTokenType.Substitution:
                    part = ParseSubstitution(token, origin);
                    hasSubstitution = true;
                    _index++;
                    break;
                case HoconTokenType.Quoted:
                    part = new HoconValue(HoconValueKind.String, token.Text, origin);
                    _index++;
                    break;
                default:
                    part = new HoconValue(Classify(token.Text), token.Text, origin);
                    _index++;
                    break;
            }

            parts.Add(part);
            spaces.Add(pending);
            pending = string.Empty;
        }

        if (parts.Count == 0)
        {
            throw Error(line, $"expected a value for {key}, found {Describe(Current)}");
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        var concatOrigin = new HoconOrigin(_file, line);
        if (hasSubstitution)
        {
            return new HoconConcatenation(parts, spaces, concatOrigin);
        }

        return HoconConcatenator.Combine(parts, spaces, concatOrigin, fieldPath)!;
    }

    private HoconSubstitution ParseSubstitution(HoconToken token, HoconOrigin origin)
    {
        HoconPath written;
        try
        {
            written = HoconPath.Parse(token.Text);
        }
        catch (ConfigException ex)
        {
            throw Error(token.Line, $"invalid substitution ${{{token.Text}}}: {ex.Errors[0].Message}");
        }

        var path = _prefix.Length == 0 ? written : _prefix.Append(written);
        return new HoconSubstitution(path, token.Optional, origin, written);
    }

    private HoconArray ParseArray(HoconPath fieldPath)
    {
        var line = Current.Line;
        Enter(line, fieldPath.Length);
        _index++;
        var items = new List<HoconElement>();
        while (true)
        {
            SkipBlank();
            if (Current.Type == HoconTokenType.CloseBracket)
            {
                _index++;
                break;
            }

            if (Current.Type == HoconTokenType.End)
            {
                throw Error(Current.Line, $"missing ']' to close the list opened on line {line}");
            }

            items.Add(ParseValue(fieldPath, fieldPath.ToString()));
            AfterMember(HoconTokenType.CloseBracket, "list element");
        }

        _depth--;
        return new HoconArray(items, new HoconOrigin(_file, line));
    }

    private static HoconValueKind Classify(string text) => text switch
    {
        "true" or "false" => HoconValueKind.Boolean,
        "null" => HoconValueKind.Null,
        _ => IsJsonNumber(text) ? HoconValueKind.Number : HoconValueKind.String,
    };

    private static bool IsJsonNumber(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        var digitsStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == digitsStart || (text[digitsStart] == '0' && i - digitsStart > 1))
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            var fraction = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == fraction)
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            var exponent = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == exponent)
            {
                return false;
            }
        }

        return i == text.Length;
    }
}
