using System.ComponentModel.DataAnnotations;

namespace Engine.Persistence.Sqlite;

/// <summary>The <c>sqlite</c> sub-section of <c>engine.journal</c> and <c>engine.snapshot-store</c>.</summary>
public sealed record SqliteOptions
{
    /// <summary>Database file; created with its directory if missing. Journal and snapshot store may share it.</summary>
    [Required]
    [MinLength(1)]
    public string Path { get; init; } = "./data/engine.db";

    /// <summary>
    /// Durability of each commit; see <see cref="SqliteSynchronous"/>. FULL (default) costs one fsync per
    /// group-commit transaction, which group commit amortises over every write queued meanwhile.
    /// </summary>
    public SqliteSynchronous Synchronous { get; init; } = SqliteSynchronous.Full;

    /// <summary>How long a connection waits for another process's write lock before failing.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
