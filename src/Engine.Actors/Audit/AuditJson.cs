using System.Text.Json;

namespace Engine.Actors.Audit;

/// <summary>
/// How the audit writers (<see cref="TaskAuditWriter"/>, the host's order audit) put records into JSON: a named array of
/// objects, one per record, whose fields a per-record method writes, and a named object of numbers. A new field of a
/// record is one line in that record's method. Stateless.
/// </summary>
public static class AuditJson
{
    /// <summary>Writes <c>"name": [ {...}, ... ]</c>: for each item an object whose fields <paramref name="fields"/> writes.</summary>
    public static void WriteObjects<T>(this Utf8JsonWriter json, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> fields)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(fields);
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            fields(json, item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Writes <c>"name": { "key": number, ... }</c> in the order of <paramref name="numbers"/>.</summary>
    public static void WriteNumbers(this Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, decimal>> numbers)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(numbers);
        json.WriteStartObject(name);
        foreach (var (key, value) in numbers)
        {
            json.WriteNumber(key, value);
        }

        json.WriteEndObject();
    }
}
