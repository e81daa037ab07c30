namespace Engine.Config;

/// <summary>
/// A node of a HOCON tree. Nodes are immutable once built and safe to share between threads and trees;
/// every node remembers where it was written.
/// </summary>
public abstract class HoconElement
{
    private protected HoconElement(HoconOrigin origin) => Origin = origin;

    /// <summary>The file and line where this value starts.</summary>
    public HoconOrigin Origin { get; }

    /// <summary>False while the node (or anything inside it) still holds a substitution or a delayed merge; true once resolved.</summary>
    internal abstract bool IsResolved { get; }

    /// <summary>A short human description of the node, used in error messages ("an object", "a list", a quoted string).</summary>
    internal abstract string Describe();
}
