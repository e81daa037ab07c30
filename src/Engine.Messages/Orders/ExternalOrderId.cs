using Engine.Messages.Identifiers;

namespace Engine.Messages.Orders;

/// <summary>
/// Client order ids the engine reserves in a login's order journal: <c>ext:&lt;venue id&gt;</c> for an external
/// order (<see cref="ExternalOrderReported"/>) and <see cref="Session"/> for book-level events (<see cref="SessionEnded"/>).
/// Strategies never choose ids with these shapes. Pure and thread-safe.
/// </summary>
public static class ExternalOrderId
{
    /// <summary>The prefix of every external order's client id.</summary>
    public const string Prefix = "ext:";

    /// <summary>The reserved id of book-level events; it names no order.</summary>
    public static ClientOrderId Session { get; } = new("~session");

    /// <summary>The client id of the external order with venue id <paramref name="venueOrderId"/>.</summary>
    public static ClientOrderId Of(VenueOrderId venueOrderId)
    {
        var id = venueOrderId.Value;
        var room = 128 - Prefix.Length;
        return new ClientOrderId(Prefix + (id.Length > room ? id[^room..] : id));
    }

    /// <summary>True when <paramref name="clientOrderId"/> is an external order's id.</summary>
    public static bool IsExternal(ClientOrderId clientOrderId) =>
        clientOrderId.Value?.StartsWith(Prefix, StringComparison.Ordinal) ?? false;
}
