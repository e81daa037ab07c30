using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>A handler's answer: the response body and the pushes it caused, delivered after the response unless a fault says otherwise.</summary>
internal sealed record ToobitReply(JsonNode Body, IReadOnlyList<ToobitPush> Pushes)
{
    public static ToobitReply Of(JsonNode body) => new(body, []);
}
