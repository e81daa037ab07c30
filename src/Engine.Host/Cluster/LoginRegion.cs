namespace Engine.Host.Cluster;

/// <summary>Key of the login shard region (shard type <c>logins</c>) in the Akka.Hosting actor registry.</summary>
public sealed class LoginRegion
{
    private LoginRegion()
    {
    }

    /// <summary>The shard type name of the login entities.</summary>
    public const string TypeName = "logins";
}
