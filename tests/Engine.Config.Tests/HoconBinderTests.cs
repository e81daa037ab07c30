using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using Engine.Config;

namespace Engine.Config.Tests;

/// <summary>Strict binding to options records: every supported type, defaults, and one-line errors.</summary>
public class HoconBinderTests
{
    public enum JournalPlugin
    {
        Sqlite,
        PostgreSql,
        InMemory,
    }

    public sealed record JournalOptions
    {
        public JournalPlugin Plugin { get; init; } = JournalPlugin.Sqlite;

        [Range(1, 10000)]
        public int MaxBatch { get; init; } = 100;

        public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMilliseconds(5);

        [Bytes]
        public long MaxPayload { get; init; } = 1024;
    }

    public sealed record ConnectionOptions
    {
        [Required]
        public string Login { get; init; } = string.Empty;

        [Required]
        public Uri? Url { get; init; }

        [Secret]
        public string? ApiKey { get; init; }

        [Range(typeof(decimal), "0", "1000000")]
        public decimal MaxNotional { get; init; } = 1000m;
    }

    public sealed record StrategyOptions(string Type, double Weight = 1.0);

    public sealed record EngineSection
    {
        public JournalOptions Journal { get; init; } = new();

        [MinLength(1)]
        public IReadOnlyList<ConnectionOptions> Connections { get; init; } = [];

        public IReadOnlyDictionary<string, StrategyOptions> Strategies { get; init; } = new Dictionary<string, StrategyOptions>();
    }

    public sealed record Everything
    {
        public string Name { get; init; } = "default";

        public bool Enabled { get; init; }

        public int Count { get; init; }

        public long Big { get; init; }

        public decimal Price { get; init; }

        public double Ratio { get; init; }

        public TimeSpan Timeout { get; init; }

        public JournalPlugin Plugin { get; init; }

        public Uri? Endpoint { get; init; }

        public int? Optional { get; init; }

        public int? Missing { get; init; }

        public ByteSize Buffer { get; init; }

        [Bytes]
        public long BufferBytes { get; init; }

        public IReadOnlyList<string> Tags { get; init; } = [];

        public ImmutableArray<int> Levels { get; init; } = [];

        public int[] Raw { get; init; } = [];

        public IReadOnlyDictionary<string, int> Limits { get; init; } = new Dictionary<string, int>();

        public StrategyOptions? Strategy { get; init; }

        public string Untouched { get; init; } = "kept";
    }

    public sealed record Positional(int Port, string Host = "localhost", TimeSpan? Delay = null);

    public sealed record Windows : IValidatableOptions
    {
        public TimeSpan MinDelay { get; init; } = TimeSpan.FromSeconds(1);

        public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

        public IEnumerable<string> Validate()
        {
            if (MinDelay > MaxDelay)
            {
                yield return "min-delay must not exceed max-delay";
            }
        }
    }

    public sealed record WithRequiredMember
    {
        public required string Login { get; init; }

        public int Port { get; init; } = 443;
    }

    private static HoconConfig Read(string text) => HoconConfig.Parse(text, "engine.conf").Resolve(_ => null);

    [Fact]
    public void Binds_every_supported_type()
    {
        var config = Read("""
            x {
              name = alpha
              enabled = yes
              count = 42
              big = 9000000000
              price = 12.345678901234567890
              ratio = 0.25
              timeout = 1500ms
              plugin = postgre-sql
              endpoint = "wss://stream.example.com:9443/ws"
              optional = 7
              buffer = 64MiB
              buffer-bytes = 4K
              tags = [a, b, "c d"]
              levels = [1, 2, 3]
              raw = [4, 5]
              limits { orders = 10, cancels = 20 }
              strategy { type = maker, weight = 0.5 }
            }
            """);

        var bound = config.Bind<Everything>("x");

        Assert.Equal("alpha", bound.Name);
        Assert.True(bound.Enabled);
        Assert.Equal(42, bound.Count);
        Assert.Equal(9_000_000_000, bound.Big);
        Assert.Equal(12.345678901234567890m, bound.Price);
        Assert.Equal(0.25, bound.Ratio);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), bound.Timeout);
        Assert.Equal(JournalPlugin.PostgreSql, bound.Plugin);
        Assert.Equal(new Uri("wss://stream.example.com:9443/ws"), bound.Endpoint);
        Assert.Equal(7, bound.Optional);
        Assert.Null(bound.Missing);
        Assert.Equal(new ByteSize(64L * 1024 * 1024), bound.Buffer);
        Assert.Equal(4096, bound.BufferBytes);
        Assert.Equal(["a", "b", "c d"], bound.Tags);
        Assert.Equal(new[] { 1, 2, 3 }, bound.Levels.ToArray());
        Assert.Equal([4, 5], bound.Raw);
        Assert.Equal(new Dictionary<string, int> { ["orders"] = 10, ["cancels"] = 20 }, bound.Limits);
        Assert.Equal(new StrategyOptions("maker", 0.5), bound.Strategy);
        Assert.Equal("kept", bound.Untouched);
    }

    [Theory]
    [InlineData("plugin = SQLITE", JournalPlugin.Sqlite)]
    [InlineData("plugin = in-memory", JournalPlugin.InMemory)]
    [InlineData("plugin = in_memory", JournalPlugin.InMemory)]
    [InlineData("plugin = InMemory", JournalPlugin.InMemory)]
    public void Enums_match_case_insensitively_and_accept_kebab(string text, JournalPlugin expected)
    {
        Assert.Equal(expected, Read(text).Bind<JournalOptions>(string.Empty).Plugin);
    }

    [Fact]
    public void Missing_keys_keep_the_initialiser_defaults()
    {
        var bound = Read("j { max-batch = 7 }").Bind<JournalOptions>("j");

        Assert.Equal(new JournalOptions { MaxBatch = 7 }, bound);
    }

    [Fact]
    public void Positional_records_use_parameter_defaults()
    {
        Assert.Equal(new Positional(80), Read("p { port = 80 }").Bind<Positional>("p"));
        Assert.Equal(new Positional(81, "h", TimeSpan.FromSeconds(2)), Read("p { port = 81, host = h, delay = 2s }").Bind<Positional>("p"));
    }

    [Fact]
    public void Binds_nested_lists_and_dictionaries_of_records()
    {
        var bound = Read("""
            engine {
              connections = [
                { login = main, url = "https://api.example.com", api-key = secret-1 }
                { login = backup, url = "https://api2.example.com", max-notional = 5 }
              ]
              strategies { mm { type = maker }, copy { type = follower, weight = 2 } }
            }
            """).Bind<EngineSection>("engine");

        Assert.Equal(2, bound.Connections.Count);
        Assert.Equal("secret-1", bound.Connections[0].ApiKey);
        Assert.Equal(5m, bound.Connections[1].MaxNotional);
        Assert.Equal(new StrategyOptions("follower", 2), bound.Strategies["copy"]);
        Assert.Equal(new JournalOptions(), bound.Journal);
    }

    [Fact]
    public void Wrong_type_names_file_line_key_and_expected_range()
    {
        var text = string.Concat(Enumerable.Repeat("# padding\n", 10)) + "engine.journal {\n  max-batch = lots\n}\nengine.connections = [{ login = a, url = \"http://x\" }]";

        var error = Assert.Throws<ConfigException>(() => Read(text).Bind<EngineSection>("engine"));

        Assert.Equal("engine.conf:12: engine.journal.max-batch: expected an integer between 1 and 10000, got \"lots\"", error.Message);
    }

    [Fact]
    public void Unknown_key_lists_the_expected_keys()
    {
        var text = "engine {\n  connections = [{ login = a, url = \"http://x\" }]\n\n\n\n\n  jornal { max-batch = 5 }\n}";

        var error = Assert.Throws<ConfigException>(() => Read(text).Bind<EngineSection>("engine"));

        Assert.Equal("engine.conf:7: engine.jornal: unknown key; expected one of: journal, connections, strategies", error.Message);
    }

    public static TheoryData<string, string> ErrorCases => new()
    {
        { "j { max-batch = 0 }", "engine.conf:1: j.max-batch: expected an integer between 1 and 10000, got 0" },
        { "j { max-batch = 10001 }", "engine.conf:1: j.max-batch: expected an integer between 1 and 10000, got 10001" },
        { "j { max-batch = 2.5 }", "engine.conf:1: j.max-batch: expected an integer between 1 and 10000, got 2.5" },
        { "j { max-batch = 99999999999 }", "engine.conf:1: j.max-batch: expected an integer between 1 and 10000, got 99999999999" },
        { "j { plugin = mongo }", "engine.conf:1: j.plugin: expected one of: sqlite, postgre-sql, in-memory, got \"mongo\"" },
        { "j { flush-interval = soon }", "engine.conf:1: j.flush-interval: expected a duration such as 5s, 200ms or 1 minute, got \"soon\"" },
        { "j { max-payload = 12 parsecs }", "engine.conf:1: j.max-payload: expected a size in bytes such as 512K or 64MiB, got \"12 parsecs\"" },
        { "j { max-batch = null }", "engine.conf:1: j.max-batch: expected an integer between 1 and 10000, got null" },
        { "j { max-batch { a = 1 } }", "engine.conf:1: j.max-batch: expected an integer between 1 and 10000, got an object" },
        { "j = [1]", "engine.conf:1: j: expected an object, got a list" },
        { "j {\n  plugin = sqlite\n  extra = 1\n}", "engine.conf:3: j.extra: unknown key; expected one of: plugin, max-batch, flush-interval, max-payload" },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Bad_values_are_one_line_errors(string text, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Read(text).Bind<JournalOptions>("j"));

        Assert.Equal(expected, error.Message);
    }

    public static TheoryData<string, string> EngineErrorCases => new()
    {
        { "e { connections = [{ url = \"http://x\" }] }", "engine.conf:1: e.connections.0.login: missing required key; expected a string" },
        { "e { connections = [{ login = a, url = \"not a uri\" }] }", "engine.conf:1: e.connections.0.url: expected an absolute URI, got \"not a uri\"" },
        { "e { connections = [] }", "engine.conf:1: e.connections: expected at least 1 items, got 0" },
        { "e { connections = [{ login = a, url = \"http://x\", max-notional = -1 }] }", "engine.conf:1: e.connections.0.max-notional: expected a number between 0 and 1000000, got -1" },
        { "e { connections = [{ login = a, url = \"http://x\", api-key = [oops] }] }", "engine.conf:1: e.connections.0.api-key: expected a string, got a value that is not shown (secret)" },
        { "e { connections = [{ login = \"\", url = \"http://x\" }] }", "engine.conf:1: e.connections.0.login: expected a non-empty value" },
        { "e { connections = [{ login = a, url = \"http://x\" }], strategies { s { weight = 1 } } }", "engine.conf:1: e.strategies.s.type: missing required key; expected a string" },
    };

    [Theory]
    [MemberData(nameof(EngineErrorCases))]
    public void Nested_errors_name_the_full_key(string text, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Read(text).Bind<EngineSection>("e"));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void All_errors_are_collected_into_one_exception()
    {
        var text = "e {\n  journal { max-batch = 0, plugin = x }\n  connections = [{ login = a, url = bad }]\n  typo = 1\n}";

        var error = Assert.Throws<ConfigException>(() => Read(text).Bind<EngineSection>("e"));

        Assert.Equal(
            [
                "engine.conf:4: e.typo: unknown key; expected one of: journal, connections, strategies",
                "engine.conf:2: e.journal.plugin: expected one of: sqlite, postgre-sql, in-memory, got \"x\"",
                "engine.conf:2: e.journal.max-batch: expected an integer between 1 and 10000, got 0",
                "engine.conf:3: e.connections.0.url: expected an absolute URI, got \"bad\"",
            ],
            error.Errors.Select(e => e.ToString()));
        Assert.Equal(string.Join(Environment.NewLine, error.Errors), error.Message);
    }

    [Fact]
    public void Secret_values_never_appear_in_errors()
    {
        var text = "e { connections = [{ login = a, url = \"http://x\", api-key = { hunter2 = 1 } }], journal.max-batch = hunter2 }";

        var error = Assert.Throws<ConfigException>(() => Read(text).Bind<EngineSection>("e"));

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("e.connections.0.api-key: expected a string, got a value that is not shown (secret)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2 = 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validatable_options_report_at_the_section()
    {
        var error = Assert.Throws<ConfigException>(() => Read("\nw {\n  min-delay = 1m\n  max-delay = 10s\n}").Bind<Windows>("w"));

        Assert.Equal("engine.conf:2: w: min-delay must not exceed max-delay", error.Message);
    }

    [Fact]
    public void Csharp_required_members_are_required_keys()
    {
        Assert.Equal(new WithRequiredMember { Login = "a" }, Read("r { login = a }").Bind<WithRequiredMember>("r"));

        var error = Assert.Throws<ConfigException>(() => Read("\nr { port = 1 }").Bind<WithRequiredMember>("r"));

        Assert.Equal("engine.conf:2: r.login: missing required key; expected a string", error.Message);
    }

    [Fact]
    public void Missing_section_is_an_error()
    {
        var error = Assert.Throws<ConfigException>(() => Read("a = 1").Bind<Windows>("w"));

        Assert.Equal("engine.conf:1: w: missing key", error.Message);
    }
}
