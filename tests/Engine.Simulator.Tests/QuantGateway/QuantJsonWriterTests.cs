using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Simulator.Venues.QuantGateway;

namespace Engine.Simulator.Tests.QuantGateway;

public class QuantJsonWriterTests
{
    [Theory]
    [InlineData("100", "100.0")]
    [InlineData("2289.6", "2289.6")]
    [InlineData("0.00000001", "1e-08")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("0.00001", "1e-05")]
    [InlineData("-3", "-3.0")]
    [InlineData("0", "0.0")]
    public void Decimals_render_as_python_float_repr(string value, string expected) =>
        Assert.Equal(expected, QuantJsonWriter.PythonFloat(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(true, "0.0")]
    [InlineData(false, "0")]
    public void Negative_zero_money_renders_as_zero(bool python, string expected)
    {
        var negativeZero = 1.5m - 1.5m;
        negativeZero = -negativeZero;
        var node = new JsonObject { ["locked"] = negativeZero };
        Assert.Equal(python ? $$"""{"locked": {{expected}}}""" : $$"""{"locked":{{expected}}}""", QuantJsonWriter.Write(node, python));
    }

    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("BTC/USDT ~!", "\"BTC/USDT ~!\"")]
    [InlineData("a\\b\"c", "\"a\\\\b\\\"c\"")]
    [InlineData("tab\tnew\nline", "\"tab\\tnew\\nline\"")]
    [InlineData("del\u007f\u001f", "\"del\\u007f\\u001f\"")]
    [InlineData("caf\u00e9", "\"caf\\u00e9\"")]
    public void Strings_keep_printable_ascii_and_escape_everything_else(string value, string expected) =>
        Assert.Equal($$"""{"s":{{expected}}}""", QuantJsonWriter.Write(new JsonObject { ["s"] = value }, python: false));

    [Fact]
    public void Python_mode_uses_spaced_separators_ascii_escapes_and_keeps_echoed_text()
    {
        var node = new JsonObject
        {
            ["op"] = "pong",
            ["ts"] = JsonNode.Parse("1.50e3"),
            ["n"] = 5L,
            ["p"] = 100m,
            ["s"] = "中\"x",
            ["z"] = null,
            ["l"] = new JsonArray(1L, 2L),
        };
        Assert.Equal("""{"op": "pong", "ts": 1.50e3, "n": 5, "p": 100.0, "s": "\u4e2d\"x", "z": null, "l": [1, 2]}""", QuantJsonWriter.Write(node, python: true));
        Assert.Equal("""{"op":"pong","ts":1.50e3,"n":5,"p":100,"s":"\u4e2d\"x","z":null,"l":[1,2]}""", QuantJsonWriter.Write(node, python: false));
        Assert.Equal("中\"x", JsonDocument.Parse(QuantJsonWriter.Write(node, python: true)).RootElement.GetProperty("s").GetString());
    }
}
