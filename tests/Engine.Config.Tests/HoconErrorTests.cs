using Engine.Config;

namespace Engine.Config.Tests;

/// <summary>Reading and resolving errors: each names the file and line (and the key where there is one).</summary>
public class HoconErrorTests
{
    public static TheoryData<string, string> SyntaxCases => new()
    {
        { "a = 1\nb = \"unterminated\n", "engine.conf:2: unterminated quoted string" },
        { "a {\n  b = 1\n", "engine.conf:3: missing '}' to close the object opened on line 1" },
        { "a = [1, 2\n", "engine.conf:2: missing ']' to close the list opened on line 1" },
        { "a = 1\nb 2\n", "engine.conf:2: expected ':', '=' or '{' after key \"b 2\", found a new line" },
        { "a = 1\n\nb = \n", "engine.conf:3: expected a value for b, found a new line" },
        { "a = 1 b = 2", "engine.conf:1: expected ',' or a new line after the field, found '='" },
        { "a = [1,,2]", "engine.conf:1: two commas in a row" },
        { "a = 1\nb = x+y", "engine.conf:2: '+' must be followed by '=' (use quotes for a literal '+')" },
        { "a = \"bad \\q escape\"", "engine.conf:1: invalid escape '\\q' in quoted string" },
        { "a..b = 1", "engine.conf:1: empty key in path 'a..b' (quote an empty key as \"\")" },
        { "a. = 1", "engine.conf:1: a key must not end with '.'" },
        { "[1, 2]", "engine.conf:1: the root of a configuration must be an object, not a list" },
        { "a = 1\n}", "engine.conf:2: unexpected '}' without a matching '{'" },
        { "{ a = 1 }\nb = 2", "engine.conf:2: unexpected 'b' after the closing '}' of the root object" },
        { "a = $x", "engine.conf:1: '$' must start a substitution '${...}' (use quotes for a literal '$')" },
        { "a = ${b", "engine.conf:1: unterminated substitution" },
        { "a = \"\"\"never closed\n\n", "engine.conf:1: unterminated triple-quoted string" },
        { "a = [1] x", "engine.conf:1: a: cannot concatenate a list with a string" },
        { "a = { x = 1 } [2]", "engine.conf:1: a: cannot concatenate an object with a list" },
        { "include classpath(\"x.conf\")", "engine.conf:1: include classpath(...): only files can be included" },
        { "include foo", "engine.conf:1: expected ':', '=' or '{' after key \"include foo\", found end of file" },
    };

    [Theory]
    [MemberData(nameof(SyntaxCases))]
    public void Syntax_errors_name_file_and_line(string input, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => HoconConfig.Parse(input, "engine.conf"));

        Assert.Equal(expected, error.Message);
        Assert.Single(error.Errors);
    }

    public static TheoryData<string, string> ResolveCases => new()
    {
        { "a = 1\nb = ${missing}", "engine.conf:2: b: could not resolve substitution ${missing}: no such key and no environment variable 'missing'" },
        { "a = ${b}\nb = ${a}", "engine.conf:2: b: substitution cycle: ${b} -> ${a} -> ${b}" },
        { "a { b = ${a} }", "engine.conf:1: a.b: substitution cycle: ${a} -> a" },
        { "x = ${x}", "engine.conf:1: x: could not resolve substitution ${x}: no such key and no environment variable 'x'" },
        { "a = ${b}\nb = ${c}\nc = ${a}", "engine.conf:3: c: substitution cycle: ${b} -> ${c} -> ${a} -> ${b}" },
        { "a = 1\nb = ${a.c}", "engine.conf:2: b: could not resolve substitution ${a.c}: no such key and no environment variable 'a.c'" },
    };

    [Theory]
    [MemberData(nameof(ResolveCases))]
    public void Resolution_errors_name_file_line_and_key(string input, string expected)
    {
        var config = HoconConfig.Parse(input, "engine.conf");

        var error = Assert.Throws<ConfigException>(() => config.Resolve(_ => null));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Getters_on_an_unresolved_config_ask_for_resolve()
    {
        var config = HoconConfig.Parse("a = ${b}\nb = 1", "engine.conf");

        var error = Assert.Throws<ConfigException>(() => config.GetInt("a"));

        Assert.Equal("engine.conf:1: a: the configuration is not resolved yet (call Resolve())", error.Message);
    }

    public static TheoryData<string, string, string> GetterCases => new()
    {
        { "a = lots", "a", "engine.conf:1: a: expected an integer, got \"lots\"" },
        { "a = 1.5", "a", "engine.conf:1: a: expected an integer, got 1.5" },
        { "a { b = 1 }", "a", "engine.conf:1: a: expected an integer, got an object" },
        { "a { b = 1 }", "a.c", "engine.conf:1: a.c: missing key" },
        { "a = null", "a", "engine.conf:1: a: expected an integer, got null" },
        { "a = [1]", "a", "engine.conf:1: a: expected an integer, got a list" },
    };

    [Theory]
    [MemberData(nameof(GetterCases))]
    public void Getter_errors_name_file_line_key_and_expectation(string input, string path, string expected)
    {
        var config = HoconConfig.Parse(input, "engine.conf").Resolve(_ => null);

        var error = Assert.Throws<ConfigException>(() => config.GetLong(path));

        Assert.Equal(expected, error.Message);
    }
}
