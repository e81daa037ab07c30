using Engine.Config;

namespace Engine.Config.Tests;

/// <summary>Constructs of the HOCON specification: input text, resolved, rendered as JSON.</summary>
public class HoconSpecTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        // JSON is valid HOCON.
        { "json object", """{ "a" : 1, "b" : "x", "c" : true, "d" : null, "e" : [1, 2.5, -3e2] }""", """{"a":1,"b":"x","c":true,"d":null,"e":[1,2.5,-3e2]}""" },
        // Root braces are optional.
        { "root braces optional", "a = 1\nb = 2", """{"a":1,"b":2}""" },
        { "empty document", "", "{}" },
        { "only comments", "# nothing\n// here\n", "{}" },
        // Separators: '=', ':', and '{' implies one.
        { "equals colon brace", "a = 1\nb : 2\nc { d = 3 }", """{"a":1,"b":2,"c":{"d":3}}""" },
        // Commas optional where there is a newline; a trailing comma is allowed.
        { "newline separators", "a = 1\n\n\nb = 2,\nc = [1\n2\n3,]", """{"a":1,"b":2,"c":[1,2,3]}""" },
        { "commas on one line", "a = 1, b = 2, c = 3", """{"a":1,"b":2,"c":3}""" },
        // Comments.
        { "hash and slash comments", "a = 1 # one\nb = 2 // two\n// c = 3", """{"a":1,"b":2}""" },
        // Unquoted strings; forbidden characters end them.
        { "unquoted string", "a = hello.world-1_x", """{"a":"hello.world-1_x"}""" },
        { "unquoted value then comment", "a = foo//bar", """{"a":"foo"}""" },
        // Quoted strings with JSON escapes.
        { "quoted escapes", """a = "tab\tnl\nquote\"back\\slash\/u\u0041" """, """{"a":"tab\tnl\nquote\"back\\slash/uA"}""" },
        // Triple-quoted strings: no escapes, newlines kept, extra quotes belong to the string.
        { "triple quoted", "a = \"\"\"line1\n  \"line2\" \\n\"\"\"", """{"a":"line1\n  \"line2\" \\n"}""" },
        { "triple quoted extra quotes", "a = \"\"\"x\"\"\"\"\"", """{"a":"x\"\""}""" },
        // Booleans, null and numbers keep their types when alone.
        { "scalar types", "a = true, b = false, c = null, d = 10, e = -1.5, f = 1e5", """{"a":true,"b":false,"c":null,"d":10,"e":-1.5,"f":1e5}""" },
        // Path keys.
        { "path key", "a.b.c = 1", """{"a":{"b":{"c":1}}}""" },
        { "path keys merge", "a.x = 42, a.y = 43", """{"a":{"x":42,"y":43}}""" },
        { "quoted path segment", "\"a.b\".c = 1", """{"a.b":{"c":1}}""" },
        { "quoted empty segment", "a.\"\".b = 1", """{"a":{"":{"b":1}}}""" },
        { "whitespace in key", "a b c : 42", """{"a b c":42}""" },
        { "number key is a path", "10.0foo = 1", """{"10":{"0foo":1}}""" },
        { "true key is a string", "true : 42", """{"true":42}""" },
        { "include later in key", "foo include : 42", """{"foo include":42}""" },
        { "quoted include key", "\"include\" : 42", """{"include":42}""" },
        { "include as a value", "a = include, b = [include]", """{"a":"include","b":["include"]}""" },
        // Duplicate keys: objects merge, anything else overrides.
        { "objects merge", "foo { a = 42 }\nfoo { b = 43 }", """{"foo":{"a":42,"b":43}}""" },
        { "non-object overrides", "a = 1\na = 2", """{"a":2}""" },
        { "null stops merge", "foo { a = 42 }\nfoo = null\nfoo { b = 43 }", """{"foo":{"b":43}}""" },
        { "null then object hides the earlier object", "foo { a = 1 }\nfoo = null\nfoo { b = 2 }\nfoo { c = 3 }", """{"foo":{"b":2,"c":3}}""" },
        { "object replaces scalar", "foo = 1\nfoo { b = 43 }", """{"foo":{"b":43}}""" },
        { "deep merge", "a { b { c = 1, d = 2 } }\na.b.d = 3\na { b { e = 4 } }", """{"a":{"b":{"c":1,"d":3,"e":4}}}""" },
        // Value concatenation.
        { "string concatenation keeps inner whitespace", "a =  foo   bar baz  ", """{"a":"foo   bar baz"}""" },
        { "quoted and unquoted concatenate", "a = foo\" bar \"baz", """{"a":"foo bar baz"}""" },
        { "number concatenation becomes string", "a = 10 seconds", """{"a":"10 seconds"}""" },
        { "number then letters", "a = 10.0bar", """{"a":"10.0bar"}""" },
        { "true foo", "a = true foo", """{"a":"true foo"}""" },
        { "null in concatenation", "a = null x", """{"a":"null x"}""" },
        { "array concatenation", "a = [1, 2] [3, 4]", """{"a":[1,2,3,4]}""" },
        { "object concatenation", "a = { x = 1 } { y = 2 }", """{"a":{"x":1,"y":2}}""" },
        { "object concatenation merges", "a = { x { p = 1 } } { x { q = 2 } }", """{"a":{"x":{"p":1,"q":2}}}""" },
        // Substitutions.
        { "substitution keeps type", "a = 1, b = ${a}", """{"a":1,"b":1}""" },
        { "substitution looks forward", "b = ${a}, a = [1]", """{"b":[1],"a":[1]}""" },
        { "substitution in concatenation", "animal.favorite = cat\nkey = ${animal.favorite} is my favorite animal", """{"animal":{"favorite":"cat"},"key":"cat is my favorite animal"}""" },
        { "substitution with quoted part", "x = cat\nkey = ${x}\" is mine\"", """{"x":"cat","key":"cat is mine"}""" },
        { "substitution sees last value", "a = 1\nb = ${a}\na = 2", """{"a":2,"b":2}""" },
        { "substitution sees merged object", "a { x = 1 }\nb = ${a}\na { y = 2 }", """{"a":{"x":1,"y":2},"b":{"x":1,"y":2}}""" },
        { "object refers into itself", "bar : { foo : 42, baz : ${bar.foo} }", """{"bar":{"foo":42,"baz":42}}""" },
        { "refers into itself after override", "bar : { foo : 42, baz : ${bar.foo} }\nbar : { foo : 43 }", """{"bar":{"foo":43,"baz":43}}""" },
        { "substituted object concatenation", "base { a = 1 }\nderived = ${base} { b = 2 }", """{"base":{"a":1},"derived":{"a":1,"b":2}}""" },
        { "substituted array concatenation", "base = [1]\nall = ${base} [2]", """{"base":[1],"all":[1,2]}""" },
        { "substitution to null is empty in strings", "n = null\ns = x${n}y", """{"n":null,"s":"xy"}""" },
        { "quoted path in substitution", "\"a.b\" = 1\nc = ${\"a.b\"}", """{"a.b":1,"c":1}""" },
        { "later object merges with substitution", "x { a = 1 }\nfoo = ${x}\nfoo { b = 2 }", """{"x":{"a":1},"foo":{"a":1,"b":2}}""" },
        // Optional substitutions.
        { "optional missing removes field", "a = ${?nope}", "{}" },
        { "optional missing keeps earlier value", "a = 1\na = ${?nope}", """{"a":1}""" },
        { "optional missing in concatenation", "a = x${?nope}y", """{"a":"xy"}""" },
        { "optional missing in list", "a = [1, ${?nope}, 2]", """{"a":[1,2]}""" },
        { "optional present", "b = 2\na = ${?b}", """{"b":2,"a":2}""" },
        // Self-references.
        { "self reference string", "path = /usr\npath = ${path}\":/bin\"", """{"path":"/usr:/bin"}""" },
        { "self reference object", "foo { a = 1 }\nfoo = ${foo} { b = 2 }", """{"foo":{"a":1,"b":2}}""" },
        { "self reference array", "list = [1]\nlist = ${list} [2]\nlist = ${list} [3]", """{"list":[1,2,3]}""" },
        { "optional self reference with nothing before", "path = ${?path}\":/bin\"", """{"path":":/bin"}""" },
        { "self reference in nested object", "a { b = x }\na { b = ${a.b}y }", """{"a":{"b":"xy"}}""" },
        { "self reference via path key", "a.b = x\na.b = ${a.b}y", """{"a":{"b":"xy"}}""" },
        // +=
        { "plus equals appends", "a = [1]\na += 2\na += 3", """{"a":[1,2,3]}""" },
        { "plus equals creates list", "a += x", """{"a":["x"]}""" },
        { "plus equals object element", "a += { x = 1 }", """{"a":[{"x":1}]}""" },
        { "adjacent substitutions", "a = 1\nb = ${a}${a}", """{"a":1,"b":"11"}""" },
        { "path key overrides nested value", "a : { b : 1, c : 2 }, a.b = 3", """{"a":{"b":3,"c":2}}""" },
        // Arrays.
        { "concatenation inside list elements", "a = [foo bar, baz]", """{"a":["foo bar","baz"]}""" },
        // Whitespace: byte-order mark and CRLF line ends.
        { "byte order mark and CRLF", "\uFEFFa = 1\r\nb = two words\r\n", """{"a":1,"b":"two words"}""" },
        { "nested arrays and objects", "a = [[1, 2], { b = [3] }, []]", """{"a":[[1,2],{"b":[3]},[]]}""" },
        { "multi-line object in list", "a = [\n  { x = 1 }\n  { x = 2 }\n]", """{"a":[{"x":1},{"x":2}]}""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolves_to_expected_json(string name, string input, string expectedJson)
    {
        var config = HoconConfig.Parse(input, name).Resolve(_ => null);

        Assert.Equal(expectedJson, config.ToJson());
    }
}
