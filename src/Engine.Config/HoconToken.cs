namespace Engine.Config;

/// <summary>One token: its kind, its text (unescaped for quoted strings, the path for substitutions) and its line.</summary>
internal readonly record struct HoconToken(HoconTokenType Type, string Text, int Line, bool Optional = false)
{
    public bool IsValueStart => Type is HoconTokenType.Unquoted or HoconTokenType.Quoted or HoconTokenType.Substitution
        or HoconTokenType.OpenBrace or HoconTokenType.OpenBracket;
}
