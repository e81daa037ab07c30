using System.Text.Json;
using System.Text.Json.Serialization;
using Engine.Messages.Risk;

namespace Engine.Host.Cluster;

/// <summary>
/// A <see cref="RiskScope"/> in the risk messages between nodes as its text (<c>engine</c>, <c>login:L</c>, ...), also as a
/// dictionary key (states and daily PnL by scope). Anything else is refused, naming it.
/// </summary>
public sealed class RiskSingletonScopeJsonConverter : JsonConverter<RiskScope>
{
    /// <inheritdoc />
    public override RiskScope Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, RiskScope value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }

    /// <inheritdoc />
    public override RiskScope ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, RiskScope value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WritePropertyName(value.ToString());
    }

    private static RiskScope Parse(string? text) =>
        RiskScope.TryParse(text, out var scope)
            ? scope
            : throw new JsonException($"risk scope '{text}' is not valid; expected engine, login:<name>, strategy:<name> or symbol:<name>");
}
