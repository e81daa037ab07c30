using Engine.Messages.Tasks;

namespace Engine.Actors.Tasks;

/// <summary>A task command the book has not finished: sent and awaiting its reply, or <see cref="IsUnknown"/> (awaiting a re-list).</summary>
/// <param name="Issued">Its write-ahead record: operation, task ids and the params sent.</param>
/// <param name="IsUnknown">True once its outcome became unknown.</param>
public sealed record OpenCommand(TaskCommandIssued Issued, bool IsUnknown);
