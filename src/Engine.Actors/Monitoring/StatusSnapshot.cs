using System.Collections.Immutable;

namespace Engine.Actors.Monitoring;

/// <summary>The status board at the time of asking, one entry per login in configuration order. Immutable.</summary>
public sealed record StatusSnapshot(ImmutableArray<LoginSnapshot> Logins)
{
    /// <summary>A copy of <paramref name="board"/>.</summary>
    public static StatusSnapshot Of(StatusBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return new StatusSnapshot([.. board.Logins.Select(l => LoginSnapshot.Of(board.StatusOf(l), board.Marks))]);
    }
}
