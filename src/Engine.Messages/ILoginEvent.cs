using Engine.Messages.Identifiers;

namespace Engine.Messages;

/// <summary>
/// An engine event that belongs to one login (its orders, tasks, connection, budget, account). In a cluster the events of
/// a login are published on the node that runs the login and carried to the strategies on other nodes by this key.
/// </summary>
public interface ILoginEvent : IEngineEvent
{
    /// <summary>The login the event belongs to.</summary>
    LoginId Login { get; }
}
