using Engine.Messages.Identifiers;

namespace Engine.Messages.Orders;

/// <summary>
/// A session of the login began: its book recovered from the journal on an engine node and the login is about to
/// connect. Journaled first in every session, so the audit and the status line name the node each session ran on,
/// a crashed session included (one that has no <see cref="SessionEnded"/>). Recorded under the reserved client order
/// id <see cref="ExternalOrderId.Session"/>, which names no order.
/// </summary>
/// <param name="Node">
/// The node: <c>host:port</c> of the node's Akka.Remote address on a cluster node (<c>127.0.0.1:2551</c>), the machine's
/// host name on a single node.
/// </param>
public sealed record SessionStarted(
    LoginId Login,
    ClientOrderId ClientOrderId,
    DateTimeOffset Timestamp,
    string Node) : IOrderEvent;
