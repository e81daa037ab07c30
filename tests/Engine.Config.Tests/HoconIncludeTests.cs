using Engine.Config;

namespace Engine.Config.Tests;

/// <summary>Includes: relative to the including file, merged in place, substitutions fixed up, errors located.</summary>
public sealed class HoconIncludeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("include \"sub/part.conf\"")]
    [InlineData("include file(\"sub/part.conf\")")]
    [InlineData("include required(\"sub/part.conf\")")]
    [InlineData("include required(file(\"sub/part.conf\"))")]
    [InlineData("include\n  \"sub/part.conf\"")]
    [InlineData("include \"sub/part\"")]
    public void Includes_a_file_relative_to_the_including_file(string statement)
    {
        _dir.Write("sub/part.conf", "x = 10\ny { z = 1 }");
        var main = _dir.Write("main.conf", $"a = 0\n{statement}\ny {{ w = 2 }}");

        var config = HoconConfig.Load(main).Resolve(_ => null);

        Assert.Equal("""{"a":0,"x":10,"y":{"z":1,"w":2}}""", config.ToJson());
    }

    [Fact]
    public void Include_inside_an_object_fixes_up_substitutions()
    {
        _dir.Write("foo.conf", "{ x : 10, y : ${x} }");
        var main = _dir.Write("main.conf", "a : { include \"foo.conf\" }\na : { x : 42 }");

        var config = HoconConfig.Load(main).Resolve(_ => null);

        Assert.Equal("""{"a":{"x":42,"y":42}}""", config.ToJson());
    }

    [Fact]
    public void Included_substitution_falls_back_to_the_path_as_written()
    {
        _dir.Write("foo.conf", "y : ${top}");
        var main = _dir.Write("main.conf", "top = 7\na { include \"foo.conf\" }");

        var config = HoconConfig.Load(main).Resolve(_ => null);

        Assert.Equal(7, config.GetInt("a.y"));
    }

    [Fact]
    public void Included_substitution_falls_back_to_the_environment_by_its_written_name()
    {
        _dir.Write("secrets.conf", "key = ${?API_KEY}\nother = ${?NOT_SET}");
        var main = _dir.Write("main.conf", "login { include \"secrets.conf\" }");

        var config = HoconConfig.Load(main).Resolve(name => name == "API_KEY" ? "k-1" : null);

        Assert.Equal("""{"login":{"key":"k-1"}}""", config.ToJson());
    }

    [Fact]
    public void Including_file_overrides_earlier_included_keys_and_included_overrides_earlier()
    {
        _dir.Write("inc.conf", "a = included\nb = included");
        var main = _dir.Write("main.conf", "a = main\ninclude \"inc.conf\"\nb = main");

        var config = HoconConfig.Load(main).Resolve(_ => null);

        Assert.Equal("included", config.GetString("a"));
        Assert.Equal("main", config.GetString("b"));
    }

    [Fact]
    public void Nested_includes_are_relative_to_their_own_file()
    {
        _dir.Write("one/two/leaf.conf", "leaf = true");
        _dir.Write("one/mid.conf", "include \"two/leaf.conf\"");
        var main = _dir.Write("main.conf", "include \"one/mid.conf\"");

        Assert.True(HoconConfig.Load(main).Resolve(_ => null).GetBool("leaf"));
    }

    [Fact]
    public void Origins_name_the_included_file()
    {
        var part = _dir.Write("part.conf", "\n\nx = 1");
        var main = _dir.Write("main.conf", "include \"part.conf\"");

        var config = HoconConfig.Load(main).Resolve(_ => null);

        Assert.Equal(new HoconOrigin(part, 3), config.Origin("x"));
    }

    [Fact]
    public void Missing_include_is_an_error_naming_the_file_and_line()
    {
        var main = _dir.Write("main.conf", "a = 1\ninclude \"nope.conf\"");

        var error = Assert.Throws<ConfigException>(() => HoconConfig.Load(main));

        Assert.StartsWith($"{main}:2: include \"nope.conf\": file not found (", error.Message, StringComparison.Ordinal);
        Assert.Contains("nope.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_cycle_is_an_error()
    {
        _dir.Write("b.conf", "include \"a.conf\"");
        var a = _dir.Write("a.conf", "include \"b.conf\"");

        var error = Assert.Throws<ConfigException>(() => HoconConfig.Load(a));

        Assert.Contains("include cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_error_in_included_file_names_that_file_and_line()
    {
        var part = _dir.Write("part.conf", "ok = 1\nbad = [1,\n");
        var main = _dir.Write("main.conf", "include \"part.conf\"");

        var error = Assert.Throws<ConfigException>(() => HoconConfig.Load(main));

        Assert.Equal($"{part}:3: missing ']' to close the list opened on line 2", error.Message);
    }

    [Fact]
    public void Loading_a_missing_file_names_it()
    {
        var path = Path.Combine(_dir.Path, "absent.conf");

        var error = Assert.Throws<ConfigException>(() => HoconConfig.Load(path));

        Assert.StartsWith($"{path}: file not found", error.Message, StringComparison.Ordinal);
    }
}
