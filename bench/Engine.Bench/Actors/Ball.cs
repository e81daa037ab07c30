namespace Engine.Bench.Actors;

/// <summary>A message bounced between two consumers; owned by exactly one of them at a time.</summary>
internal sealed class Ball(int hops)
{
    public int Remaining { get; set; } = hops;
}
