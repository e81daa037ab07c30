namespace Engine.Kernel.Actors;

/// <summary>The behaviour stack; the actor's own Receive is its implicit bottom.</summary>
internal sealed partial class ActorCell
{
    public void Become(Behavior behavior)
    {
        ArgumentNullException.ThrowIfNull(behavior);
        var stack = Extras.Behaviors ??= [];
        if (stack.Count == 0)
        {
            stack.Add(behavior);
        }
        else
        {
            stack[^1] = behavior;
        }
    }

    public void BecomeStacked(Behavior behavior)
    {
        ArgumentNullException.ThrowIfNull(behavior);
        (Extras.Behaviors ??= []).Add(behavior);
    }

    public void UnbecomeStacked()
    {
        if (_extras?.Behaviors is { Count: > 0 } stack)
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }

    public void Unbecome() => UnbecomeStacked();
}
