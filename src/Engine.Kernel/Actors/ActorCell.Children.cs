using Engine.Kernel.Actors.Dispatch;

namespace Engine.Kernel.Actors;

/// <summary>
/// Children. The registry is guarded by a lock because guardians create children from any thread
/// (<c>ActorSystem.ActorOf</c>); a name stays taken until the child's termination reached this cell.
/// </summary>
internal sealed partial class ActorCell
{
    public IReadOnlyCollection<IActorRef> Children => ChildCells();

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null)
        {
            name = _system.NextName();
        }
        else
        {
            ValidateName(name);
        }

        var children = Volatile.Read(ref _children);
        if (children is null)
        {
            Interlocked.CompareExchange(ref _children, new Dictionary<string, ActorCell>(StringComparer.Ordinal), null);
            children = _children!;
        }

        var child = new ActorCell(_system, this, _path.Child(name), props);
        lock (children)
        {
            if (!children.TryAdd(name, child))
            {
                throw new InvalidActorNameException($"An actor named '{name}' already exists under {_path}.");
            }
        }

        child.Start();
        if (IsTerminating)
        {
            child.SendSystemMessage(new Terminate());
        }

        return child;
    }

    public IActorRef Child(string name)
    {
        var children = Volatile.Read(ref _children);
        if (children is null)
        {
            return ActorRefs.Nobody;
        }

        lock (children)
        {
            return children.TryGetValue(name, out var child) ? child : ActorRefs.Nobody;
        }
    }

    public void Stop(IActorRef actor)
    {
        if (actor is ActorCell cell)
        {
            if (ReferenceEquals(cell._parent, this) && ReferenceEquals(t_current, this))
            {
                StopChild(cell);
            }
            else
            {
                cell.SendSystemMessage(new Terminate());
            }
        }
    }

    internal List<ActorCell> ChildCells()
    {
        var children = Volatile.Read(ref _children);
        if (children is null)
        {
            return [];
        }

        lock (children)
        {
            return [.. children.Values];
        }
    }

    internal void StopChild(ActorCell child)
    {
        (Extras.StoppingChildren ??= []).Add(child);
        child.SendSystemMessage(new Terminate());
    }

    private bool IsLiveChild(ActorCell cell)
    {
        var children = Volatile.Read(ref _children);
        if (children is null || !ReferenceEquals(cell._parent, this))
        {
            return false;
        }

        lock (children)
        {
            if (!children.TryGetValue(cell._path.Name, out var found) || !ReferenceEquals(found, cell))
            {
                return false;
            }
        }

        return _extras?.StoppingChildren?.Contains(cell) != true;
    }

    private void HandleChildTerminated(ActorCell child)
    {
        var children = Volatile.Read(ref _children);
        var remaining = 0;
        if (children is not null)
        {
            lock (children)
            {
                if (children.TryGetValue(child._path.Name, out var found) && ReferenceEquals(found, child))
                {
                    children.Remove(child._path.Name);
                }

                remaining = children.Count;
            }
        }

        var extras = _extras;
        extras?.StoppingChildren?.Remove(child);
        if (IsTerminating)
        {
            if (remaining == 0 && !IsClosed)
            {
                FinishTerminate();
            }
        }
        else if (extras?.PendingRecreate is { } cause && extras.StoppingChildren is not { Count: > 0 })
        {
            FinishRecreate(cause);
        }
        else if (_parent is null)
        {
            StartTerminate();
        }
    }

    private static void ValidateName(string name)
    {
        if (name.Length == 0 || name[0] == '$' || name.Contains('/', StringComparison.Ordinal)
            || name.Any(char.IsWhiteSpace))
        {
            throw new InvalidActorNameException(
                $"'{name}' is not a valid actor name: it must be non-empty, must not start with '$' and must not contain '/' or whitespace.");
        }
    }
}
