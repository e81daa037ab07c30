namespace Engine.Bench.Actors;

/// <summary>A dispatcher measured by the <c>actors</c> suite: its name in result lines, its config path and the HOCON defining it.</summary>
/// <param name="Name">Suffix of the result names (<c>actors.pingpong.&lt;name&gt;</c>).</param>
/// <param name="Id">The dispatcher's config path, as given to <c>Props.WithDispatcher</c>.</param>
/// <param name="Hocon">HOCON defining <paramref name="Id"/>; empty for Akka's own default dispatcher.</param>
internal sealed record DispatcherCandidate(string Name, string Id, string Hocon)
{
    private const string Root = "engine-bench.dispatchers";

    /// <summary>The engine's configuration: every engine actor runs on Akka's default dispatcher (the .NET thread pool, throughput 30).</summary>
    public static DispatcherCandidate Default { get; } = new("default", "akka.actor.default-dispatcher", string.Empty);

    /// <summary>The engine's dispatcher first, then the alternatives for the connection and order book actors.</summary>
    public static IReadOnlyList<DispatcherCandidate> All { get; } =
    [
        Default,
        new("channel-executor", Root + ".channel-executor", Root + ".channel-executor { type = Dispatcher, executor = channel-executor, channel-executor.priority = normal, throughput = 30 }"),
        new("fork-join", Root + ".fork-join", Root + ".fork-join { type = ForkJoinDispatcher, throughput = 30, dedicated-thread-pool { thread-count = 2, threadtype = background } }"),
        new("pinned", Root + ".pinned", Root + ".pinned { type = PinnedDispatcher, throughput = 30 }"),
    ];
}
