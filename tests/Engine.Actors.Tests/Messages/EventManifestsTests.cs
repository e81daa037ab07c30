using System.Text.Json;
using Engine.Messages;

namespace Engine.Actors.Tests.Messages;

public class EventManifestTests
{
    private static readonly Type[] AllEventTypes = [.. typeof(IEngineEvent).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(IEngineEvent).IsAssignableFrom(t))];

    [Fact]
    public void Every_event_type_has_a_manifest_that_maps_back()
    {
        Assert.Equal(AllEventTypes.Length, EventManifests.EventTypes.Count());
        foreach (var type in AllEventTypes)
        {
            var manifest = EventManifests.Of(type);
            Assert.Equal($"{type.Name}.v1", manifest);
            Assert.Equal(type, EventManifests.TypeOf(manifest));
        }

        Assert.Null(EventManifests.TypeOf("OrderSubmitted.v0"));
        Assert.Throws<ArgumentException>(() => EventManifests.Of(typeof(string)));
    }

    [Theory]
    [MemberData(nameof(MessageSerializationTests.Events), MemberType = typeof(MessageSerializationTests))]
    public void Source_generated_json_matches_reflection_json_and_round_trips(IEngineEvent ev)
    {
        var info = EngineMessagesJsonContext.Default.GetTypeInfo(ev.GetType());
        Assert.NotNull(info);

        var generated = JsonSerializer.Serialize(ev, info);
        Assert.Equal(JsonSerializer.Serialize(ev, ev.GetType()), generated);
        Assert.Equal(ev, JsonSerializer.Deserialize(generated, info));
        Assert.DoesNotContain("\"Value\"", generated, StringComparison.Ordinal);
    }
}
