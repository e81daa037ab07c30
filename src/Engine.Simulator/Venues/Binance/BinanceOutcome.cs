using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.Binance;

/// <summary>What a successful request produced: its <c>result</c>, the user data events it caused, and frames for the requesting connection only (sent after the reply).</summary>
internal sealed record BinanceOutcome(JsonNode Result, IReadOnlyList<Push> Pushes, IReadOnlyList<string> After)
{
    public BinanceOutcome(JsonNode result)
        : this(result, [], [])
    {
    }
}
