using System.IO.Compression;
using System.Text.Json;

namespace Engine.Actors.MarketData.Recording;

/// <summary>Reads a recording (every gzip member in order): headers and events as written. Throws <see cref="FormatException"/> naming the line that is wrong.</summary>
public static class MarketDataFile
{
    /// <summary>The headers and lines of <paramref name="path"/>, in file order.</summary>
    public static IEnumerable<object> Read(string path)
    {
        using var file = File.OpenRead(path);
        using var zip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(zip);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            object? item;
            try
            {
                item = line.Contains("\"schema\":", StringComparison.Ordinal)
                    ? JsonSerializer.Deserialize(line, RecordJsonContext.Default.RecordHeader)
                    : JsonSerializer.Deserialize(line, RecordJsonContext.Default.RecordLine);
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{path}:{number}: not a recording line: {ex.Message}", ex);
            }

            if (item is RecordHeader { Schema: not RecordHeader.SchemaName } or RecordHeader { Version: > RecordHeader.CurrentVersion })
            {
                var header = (RecordHeader)item;
                throw new FormatException($"{path}:{number}: schema {header.Schema} v{header.Version} is not {RecordHeader.SchemaName} v{RecordHeader.CurrentVersion} or older");
            }

            yield return item ?? throw new FormatException($"{path}:{number}: empty JSON value");
        }
    }
}
