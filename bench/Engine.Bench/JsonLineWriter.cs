using System.Text.Json;

namespace Engine.Bench;

/// <summary>Writes one compact JSON object per result: name, unit, value, and baseline/ratio and expected when present.</summary>
public sealed class JsonLineWriter(TextWriter output)
{
    public void Write(BenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("name", result.Name);
            json.WriteString("unit", result.Unit);
            json.WriteNumber("value", Math.Round(result.Value, 3));
            if (result.Baseline is { } baseline)
            {
                json.WriteNumber("baseline", Math.Round(baseline, 3));
            }

            if (result.Ratio is { } ratio)
            {
                json.WriteNumber("ratio", Math.Round(ratio, 3));
            }

            if (result.Expected is { } expected)
            {
                json.WriteNumber("expected", expected);
            }

            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        output.Flush();
    }
}
