namespace Engine.Config;

/// <summary>The kind of a scalar as written in the source.</summary>
#pragma warning disable CA1720 // the members are the JSON/HOCON type names on purpose
public enum HoconValueKind
{
    /// <summary>Quoted, unquoted or triple-quoted text, or a concatenation of scalars.</summary>
    String,

    /// <summary>An unquoted token that is a JSON number.</summary>
    Number,

    /// <summary>Unquoted <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>Unquoted <c>null</c>.</summary>
    Null,
}
#pragma warning restore CA1720
