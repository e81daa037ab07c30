using System.Text;

namespace Engine.Kernel.Actors;

/// <summary>
/// Immutable location of an actor: <c>engine://system/user/a/b</c>. Equality is structural (system name and
/// every element); the incarnation uid is not part of the path.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private readonly string _system;
    private string? _text;

    private ActorPath(string system, ActorPath? parent, string name)
    {
        _system = system;
        Parent = parent;
        Name = name;
    }

    /// <summary>The last element; empty for the root.</summary>
    public string Name { get; }

    /// <summary>The parent path; null for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The actor system's name.</summary>
    public string SystemName => _system;

    /// <summary>Number of elements below the root.</summary>
    public int Depth => Parent is null ? 0 : Parent.Depth + 1;

    /// <summary>The root path of a system (<c>engine://name/</c>).</summary>
    public static ActorPath CreateRoot(string systemName) => new(systemName, null, string.Empty);

    /// <summary>A child path below this one.</summary>
    public ActorPath Child(string name) => new(_system, this, name);

    /// <summary>The elements below the root, outermost first.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var list = new List<string>(Depth);
            for (var p = this; p.Parent is not null; p = p.Parent)
            {
                list.Add(p.Name);
            }

            list.Reverse();
            return list;
        }
    }

    public bool Equals(ActorPath? other)
    {
        var a = this;
        var b = other;
        while (a is not null && b is not null)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            {
                return false;
            }

            if (a.Parent is null || b.Parent is null)
            {
                return a.Parent is null && b.Parent is null && string.Equals(a._system, b._system, StringComparison.Ordinal);
            }

            a = a.Parent;
            b = b.Parent;
        }

        return false;
    }

    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Name, Parent?.Name, Depth);

    public override string ToString()
    {
        if (_text is not null)
        {
            return _text;
        }

        var sb = new StringBuilder("engine://").Append(_system).Append('/');
        var elements = Elements;
        for (var i = 0; i < elements.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('/');
            }

            sb.Append(elements[i]);
        }

        _text = sb.ToString();
        return _text;
    }
}
