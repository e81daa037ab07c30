using System.ComponentModel.DataAnnotations;

namespace Engine.Persistence.PostgreSql;

/// <summary>The <c>postgresql</c> sub-section of <c>engine.journal</c> and <c>engine.snapshot-store</c>.</summary>
public sealed record PostgreSqlOptions
{
    /// <summary>Npgsql connection string (e.g. from <c>${?ENGINE_PG}</c>); contains secrets, never logged.</summary>
    public string ConnectionString { get; init; } = string.Empty;

    /// <summary>
    /// Most connections this store opens (Npgsql pool size; overrides <c>Maximum Pool Size</c> in the connection
    /// string). Beyond it, callers wait for a free connection instead of exhausting the server's
    /// <c>max_connections</c> when many actors recover at once.
    /// </summary>
    [Range(1, 1_000)]
    public int MaxPoolSize { get; init; } = 20;

    /// <summary>Schema holding the tables; created if missing. Lower-case letters, digits and '_' only.</summary>
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$")]
    public string Schema { get; init; } = "public";
}
