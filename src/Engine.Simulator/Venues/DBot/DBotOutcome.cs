using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.DBot;

/// <summary>
/// A call's result: the payload (<c>res</c>; null for WebSocket mutations, which answer only <c>{"err": false}</c>;
/// REST answers <c>""</c> for those), and the trade results it caused, delivered after the reply unless a
/// <c>notify_before_reply</c> fault is armed.
/// </summary>
internal sealed record DBotOutcome(JsonNode? Res, IReadOnlyList<DBotNotice> Notices)
{
    public static DBotOutcome Mutation { get; } = new(null, []);
}
