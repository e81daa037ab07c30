using Engine.Actors.MarketData.Books;

namespace Engine.Actors.MarketData.DBot;

/// <summary>
/// The book of a DEX pool on DBot's data WebSocket: there is none (a pool has a price, not resting orders), so it
/// stays empty and never synchronised, and a book subscriber of a DBot feed hears nothing. Start-up validation
/// refuses the channel in configuration; this covers a live subscription. Pure.
/// </summary>
public sealed class DBotNoBook : IBookSynchronizer
{
    /// <inheritdoc />
    public LocalOrderBook Book { get; } = new();

    /// <inheritdoc />
    public bool IsSynced => false;

    /// <inheritdoc />
    public long UpdateId => 0;

    /// <inheritdoc />
    public long Resyncs => 0;

    /// <inheritdoc />
    public BookStep OnInput(IBookInput input, DateTimeOffset receivedAt) => BookStep.Nothing;

    /// <inheritdoc />
    public BookStep OnSnapshot(BookSnapshotData snapshot, DateTimeOffset receivedAt) => BookStep.Nothing;

    /// <inheritdoc />
    public void Reset()
    {
    }
}
