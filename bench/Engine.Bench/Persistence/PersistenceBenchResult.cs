using System.Globalization;

namespace Engine.Bench.Persistence;

/// <summary>One benchmark line: <c>{"name","unit","value","baseline","ratio"}</c>; ratio = value / baseline, higher is better.</summary>
internal sealed record PersistenceBenchResult(string Name, string Unit, double Value, double? Baseline)
{
    public double? Ratio => Baseline is > 0 ? Value / Baseline : null;

    public string ToJsonLine()
    {
        var v = Value.ToString("F1", CultureInfo.InvariantCulture);
        return Baseline is { } b
            ? $"{{\"name\": \"{Name}\", \"unit\": \"{Unit}\", \"value\": {v}, \"baseline\": {b.ToString("F1", CultureInfo.InvariantCulture)}, \"ratio\": {Ratio!.Value.ToString("F3", CultureInfo.InvariantCulture)}}}"
            : $"{{\"name\": \"{Name}\", \"unit\": \"{Unit}\", \"value\": {v}}}";
    }
}
