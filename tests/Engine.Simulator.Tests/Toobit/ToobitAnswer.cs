using System.Net;
using System.Text.Json;

namespace Engine.Simulator.Tests.Toobit;

/// <summary>One HTTP answer of the simulator.</summary>
public sealed record ToobitAnswer(HttpStatusCode Status, JsonElement Body, string? RetryAfter)
{
    public string? Code => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("code", out var c) ? c.ToString() : null;
}
