using System.Text.Json;

namespace Engine.Simulator.Tests.Binance;

/// <summary>Golden frames from the protocol reference, compared field by field: same names (case-sensitive), same JSON kinds, recursively.</summary>
public static class GoldenFrame
{
    public static JsonElement Load(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Binance", "golden", name))).RootElement.Clone();

    /// <summary>Asserts that <paramref name="actual"/> has exactly the golden frame's fields with the same kinds.</summary>
    public static void AssertShape(string name, JsonElement actual) => AssertShape(Load(name), actual, "$");

    /// <summary>Shape comparison; the top-level <c>id</c> only has to exist (it echoes whatever the request sent).</summary>
    public static void AssertShape(JsonElement expected, JsonElement actual, string path)
    {
        if (path == "$.id")
        {
            return;
        }

        Assert.True(Kind(expected) == Kind(actual), $"{path}: expected {expected.ValueKind}, got {actual.ValueKind} ({actual.GetRawText()})");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var want = expected.EnumerateObject().Select(p => p.Name).ToList();
                var got = actual.EnumerateObject().Select(p => p.Name).ToList();
                Assert.True(want.Order(StringComparer.Ordinal).SequenceEqual(got.Order(StringComparer.Ordinal), StringComparer.Ordinal), $"{path}: fields differ; missing [{string.Join(",", want.Except(got, StringComparer.Ordinal))}], extra [{string.Join(",", got.Except(want, StringComparer.Ordinal))}]");
                foreach (var p in expected.EnumerateObject())
                {
                    AssertShape(p.Value, actual.GetProperty(p.Name), $"{path}.{p.Name}");
                }

                break;
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToList();
                var actualItems = actual.EnumerateArray().ToList();
                for (var i = 0; i < actualItems.Count && expectedItems.Count > 0; i++)
                {
                    AssertShape(expectedItems.Count == actualItems.Count ? expectedItems[i] : expectedItems[0], actualItems[i], $"{path}[{i}]");
                }

                break;
            default:
                break;
        }
    }

    private static JsonValueKind Kind(JsonElement e) => e.ValueKind == JsonValueKind.False ? JsonValueKind.True : e.ValueKind;
}
