namespace Engine.Config;

/// <summary>The kinds of token the lexer produces.</summary>
internal enum HoconTokenType
{
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Colon,
    Equals,
    PlusEquals,
    Comma,
    Newline,
    Whitespace,
    Unquoted,
    Quoted,
    Substitution,
    End,
}
