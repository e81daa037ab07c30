using Akka.Cluster.Sharding;

namespace Engine.Actors.Cluster;

/// <summary>
/// Maps the messages of the login shard region to their entity: the login's name. Strategy commands and queries go to the
/// region as they are (no envelope; the sender stays the strategy, which gets the answer), and so does
/// <see cref="StartLogin"/>; a login's shard is a stable hash of its name over <c>engine.cluster.shards</c>.
/// </summary>
public sealed class LoginMessageExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    /// <inheritdoc />
    public override string? EntityId(object message) => message switch
    {
        StartLogin start => start.Login.Value,
        _ when LoginCommands.TryGetLogin(message, out var login) => login.Value,
        _ => null,
    };
}
