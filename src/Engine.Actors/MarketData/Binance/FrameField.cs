using System.Text.Json;

namespace Engine.Actors.MarketData.Binance;

/// <summary>
/// Where one captured value lies in its frame: <paramref name="Start"/> and <paramref name="Length"/> span the raw
/// token (a string with its quotes), <paramref name="Type"/> is its token (<see cref="JsonTokenType.None"/>: the field
/// was absent), <paramref name="Escaped"/> tells a string holding a JSON escape.
/// </summary>
internal readonly record struct FrameField(int Start, int Length, JsonTokenType Type, bool Escaped)
{
    /// <summary>The field was present in the frame.</summary>
    public bool IsPresent => Type != JsonTokenType.None;
}
