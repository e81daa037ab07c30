using System.Text.Json;

namespace Engine.Actors.Venues.Toobit;

/// <summary>
/// One HTTP answer as the codec hands it to <see cref="ToobitMapper.ToReply"/>: the status, <c>Retry-After</c>, the parsed
/// body (default when empty or not JSON) and, when no HTTP answer came at all, <see cref="Failure"/>. Immutable.
/// </summary>
public sealed record ToobitHttpReply(int Status, TimeSpan? RetryAfter, JsonElement Body, string? Failure)
{
    /// <summary>True for 2xx.</summary>
    public bool IsHttpSuccess => Status is >= 200 and < 300;
}
