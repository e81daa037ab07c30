using System.Collections.Immutable;
using Engine.Actors.Orders;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Monitoring;

/// <summary>One login of a <see cref="StatusSnapshot"/>: what its status line shows, as data. Immutable.</summary>
/// <param name="Login">The login.</param>
/// <param name="State">Last connection state reported.</param>
/// <param name="VenueState">The venue's code and text with the last state change, when it gave one.</param>
/// <param name="Fills">Distinct fills counted.</param>
/// <param name="Positions">Positions and PnL per symbol, from the fills.</param>
/// <param name="Orders">Every order of the login, oldest first.</param>
/// <param name="Node">The node of its latest session (<see cref="LoginStatus.Node"/>); null when not known.</param>
public sealed record LoginSnapshot(
    LoginId Login,
    ConnectionState State,
    string? VenueState,
    int Fills,
    ImmutableArray<SymbolPosition> Positions,
    ImmutableArray<OrderState> Orders,
    string? Node = null)
{
    /// <summary>A copy of <paramref name="status"/>, its positions marked at the feeds' mids of <paramref name="marks"/> where known.</summary>
    public static LoginSnapshot Of(LoginStatus status, FeedMarks? marks = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new LoginSnapshot(
            status.Login,
            status.State,
            status.VenueState,
            status.Fills,
            [.. status.Positions(marks)],
            [.. status.Book.Orders.OrderBy(o => o.CreatedAt).ThenBy(o => o.ClientOrderId.Value, StringComparer.Ordinal)],
            status.Node);
    }
}
