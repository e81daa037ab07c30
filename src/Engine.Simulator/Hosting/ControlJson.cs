using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engine.Simulator.Hosting;

/// <summary>JSON conventions of the control API: snake_case names and enum values. The options instance is never mutated.</summary>
public static class ControlJson
{
    /// <summary>Serializer options shared by the control endpoints and <see cref="SimulatorControlClient"/>.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
