namespace Engine.Persistence.Sqlite;

/// <summary>
/// SQLite <c>PRAGMA synchronous</c> for the journal's write connection, in WAL mode.
/// <see cref="Full"/> (default): a commit is on disk when it returns, surviving power loss.
/// <see cref="Normal"/>: survives a process crash (SIGKILL) but the last commits may be lost on power
/// loss or OS crash; much faster. <see cref="Off"/>: no fsync at all; tests and benchmarks only.
/// </summary>
public enum SqliteSynchronous
{
    /// <summary>No fsync; an OS crash can corrupt or lose recent commits.</summary>
    Off = 0,

    /// <summary>fsync at checkpoints only; process crashes are safe, power loss may drop the last commits.</summary>
    Normal = 1,

    /// <summary>fsync of the WAL on every commit; durable against power loss.</summary>
    Full = 2,

    /// <summary>As <see cref="Full"/> plus a directory sync; for file systems that need it.</summary>
    Extra = 3,
}
