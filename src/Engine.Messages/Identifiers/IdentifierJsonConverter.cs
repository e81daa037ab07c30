using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engine.Messages.Identifiers;

/// <summary>
/// Writes an identifier as a plain JSON string (and as a property name in dictionaries); <c>default</c>
/// is written as null. Reading validates the text like the constructor, so a corrupt journal fails
/// loudly instead of producing an empty id. Stateless and thread-safe.
/// </summary>
/// <typeparam name="T">The identifier type.</typeparam>
public sealed class IdentifierJsonConverter<T> : JsonConverter<T>
    where T : struct, IIdentifier<T>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"{typeof(T).Name} must be a JSON string, not {reader.TokenType}.");
        }

        return Create(reader.GetString()!);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (string.IsNullOrEmpty(value.Value))
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.Value);
        }
    }

    /// <inheritdoc />
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Create(reader.GetString()!);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value ?? string.Empty);

    private static T Create(string text)
    {
        try
        {
            return T.Create(text);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }
}
