using System.Text.RegularExpressions;

namespace Engine.Bench.Cluster;

/// <summary>
/// Reads the engine nodes' log lines as they come (each node's new lines once) into what the failover bench waits on:
/// the logins each node holds (<c>LoginEntity</c>: "Login X: started on node" adds, "handing off" removes), each
/// login's latest connection state on each node (<c>ConnectionActor</c>: "Login X: A -> B (venue code ...)"), the time
/// of the last placement change and the node that last started the login shard coordinator (Akka.Cluster.Sharding's
/// "ShardCoordinator was moved to the active state": the oldest member). These are the engine's own log lines, as <c>scripts/cluster-demo.sh</c> reads them.
/// </summary>
internal sealed partial class NodeLogReader(IReadOnlyList<EngineNodeProcess> nodes)
{
    /// <summary>What Akka.Cluster.Sharding logs (INFO) when a shard coordinator takes over.</summary>
    public const string CoordinatorActive = "ShardCoordinator was moved to the active state";

    private readonly Dictionary<EngineNodeProcess, int> _cursor = nodes.ToDictionary(n => n, _ => 0);
    private readonly Dictionary<EngineNodeProcess, HashSet<string>> _held = nodes.ToDictionary(n => n, _ => new HashSet<string>(StringComparer.Ordinal));
    private readonly Dictionary<(EngineNodeProcess Node, string Login), string> _state = [];

    /// <summary>When a login last started on or left a node (the clock of the nodes' lines).</summary>
    public TimeSpan LastPlacementChange { get; private set; }

    /// <summary>The node whose shard coordinator became active last (the oldest member); null before any did.</summary>
    public EngineNodeProcess? CoordinatorNode { get; private set; }

    /// <summary>Reads every node's lines that arrived since the last call.</summary>
    public void Update()
    {
        foreach (var node in nodes)
        {
            var lines = node.Lines(_cursor[node]);
            _cursor[node] += lines.Count;
            foreach (var (at, text) in lines)
            {
                if (Started().Match(text) is { Success: true } started)
                {
                    _held[node].Add(started.Groups["login"].Value);
                    LastPlacementChange = at;
                }
                else if (HandingOff().Match(text) is { Success: true } leaving)
                {
                    _held[node].Remove(leaving.Groups["login"].Value);
                    LastPlacementChange = at;
                }
                else if (StateChange().Match(text) is { Success: true } change)
                {
                    _state[(node, change.Groups["login"].Value)] = change.Groups["to"].Value;
                }
                else if (text.Contains(CoordinatorActive, StringComparison.Ordinal))
                {
                    CoordinatorNode = node;
                }
            }
        }
    }

    /// <summary>The logins <paramref name="node"/> holds now.</summary>
    public IReadOnlySet<string> Held(EngineNodeProcess node) => _held[node];

    /// <summary>
    /// How many of <paramref name="logins"/> are held by exactly one of <paramref name="among"/> (every node when null)
    /// and Ready there.
    /// </summary>
    public int ReadyOnce(IEnumerable<string> logins, IReadOnlyList<EngineNodeProcess>? among = null) => logins.Count(login =>
    {
        var holders = (among ?? nodes).Where(n => _held[n].Contains(login)).ToList();
        return holders.Count == 1 && _state.GetValueOrDefault((holders[0], login)) == "Ready";
    });

    /// <summary>"Login X: started on node N" (LoginEntity).</summary>
    public static Match StartedLine(string text) => Started().Match(text);

    /// <summary>"Login X: A -> Ready (venue code ...)" (ConnectionActor): the login, or null.</summary>
    public static string? ReadyLogin(string text) =>
        StateChange().Match(text) is { Success: true } m && m.Groups["to"].Value == "Ready" ? m.Groups["login"].Value : null;

    [GeneratedRegex(@"Login (?<login>\S+): started on node")]
    private static partial Regex Started();

    [GeneratedRegex(@"Login (?<login>\S+): handing off")]
    private static partial Regex HandingOff();

    [GeneratedRegex(@"Login (?<login>\S+): (?<from>\w+) -> (?<to>\w+) \(venue code")]
    private static partial Regex StateChange();
}
