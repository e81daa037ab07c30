using Engine.Messages.Identifiers;

namespace Engine.Actors.Cluster;

/// <summary>Names of the distributed pub-sub topics: one per login.</summary>
public static class LoginTopics
{
    /// <summary>The topic of <paramref name="login"/>'s events.</summary>
    public static string Of(LoginId login) => "login-events/" + login.Value;
}
