using Engine.Config;

namespace Engine.Config.Tests;

/// <summary>Property names to HOCON keys.</summary>
public class HoconNamingTests
{
    [Theory]
    [InlineData("MaxBatch", "max-batch")]
    [InlineData("AskTimeout", "ask-timeout")]
    [InlineData("Url", "url")]
    [InlineData("ApiKey", "api-key")]
    [InlineData("HTTPPort", "http-port")]
    [InlineData("WsURL", "ws-url")]
    [InlineData("Level2Depth", "level2-depth")]
    [InlineData("snake_case", "snake-case")]
    public void Converts_pascal_case_to_kebab_case(string name, string expected) =>
        Assert.Equal(expected, HoconNaming.ToKebabCase(name));
}
