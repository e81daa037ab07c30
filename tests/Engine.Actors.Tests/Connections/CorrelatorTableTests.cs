using Engine.Actors.Connections.Policies;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Tests.Connections;

public class CorrelatorTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    private static CorrelatorTable<string> Table() =>
        new(TimeSpan.FromSeconds(35), new Dictionary<string, TimeSpan> { ["ping"] = TimeSpan.FromSeconds(5) });

    [Fact]
    public void Reply_matches_its_request_once()
    {
        var table = Table();
        var cid = new ClientOrderId("c-1");
        table.Register("k1", "place_order", T0, cid);

        Assert.Equal(MatchOutcome.Matched, table.TryMatch("k1", out var pending));
        Assert.Equal(("place_order", cid, T0.AddSeconds(35)), (pending!.Operation, pending.ClientOrderId, pending.Deadline));
        Assert.Equal(MatchOutcome.Unmatched, table.TryMatch("k1", out _));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void Duplicate_key_is_refused()
    {
        var table = Table();
        Assert.NotNull(table.Register("k1", "asset", T0));
        Assert.Null(table.Register("k1", "asset", T0));
    }

    [Theory]
    [InlineData("ping", 4.9, 0)]
    [InlineData("ping", 5, 1)]
    [InlineData("place_order", 34.9, 0)]
    [InlineData("place_order", 35, 1)]
    public void Deadline_comes_from_the_operation(string operation, double seconds, int expired)
    {
        var table = Table();
        table.Register("k1", operation, T0);
        Assert.Equal(expired, table.Expire(T0.AddSeconds(seconds)).Count);
    }

    [Fact]
    public void Timed_out_requests_come_back_earliest_first_and_a_late_reply_is_recognised()
    {
        var table = Table();
        table.Register("a", "place_order", T0.AddSeconds(1));
        table.Register("b", "ping", T0);
        table.Register("c", "place_order", T0.AddSeconds(100));
        Assert.Equal(T0.AddSeconds(5), table.NextDeadline);

        var expired = table.Expire(T0.AddSeconds(40));
        Assert.Equal(["b", "a"], expired.Select(p => p.Key));
        Assert.Equal(MatchOutcome.Late, table.TryMatch("a", out var late));
        Assert.Null(late);
        Assert.Equal(MatchOutcome.Unmatched, table.TryMatch("zzz", out _));
        Assert.Equal(T0.AddSeconds(135), table.NextDeadline);
    }

    [Fact]
    public void FailAll_empties_the_table_and_remembers_the_keys()
    {
        var table = Table();
        table.Register("a", "asset", T0);
        table.Register("b", "asset", T0.AddSeconds(1));

        Assert.Equal(["a", "b"], table.FailAll().Select(p => p.Key));
        Assert.Null(table.NextDeadline);
        Assert.Equal(MatchOutcome.Late, table.TryMatch("b", out _));
    }

    [Fact]
    public void Late_memory_is_bounded()
    {
        var table = Table();
        for (var i = 0; i <= CorrelatorTable<string>.LateMemory; i++)
        {
            table.Register($"k{i}", "asset", T0);
        }

        table.Expire(T0.AddHours(1));
        Assert.Equal(MatchOutcome.Unmatched, table.TryMatch("k0", out _));
        Assert.Equal(MatchOutcome.Late, table.TryMatch("k1", out _));
    }

    [Fact]
    public void Cid_generator_never_repeats_and_sessions_differ()
    {
        var gen = new CidGenerator("alice-1");
        var ids = Enumerable.Range(0, 1000).Select(_ => gen.Next()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("alice-1-1", ids[0]);

        var random = new Random(42);
        Assert.NotEqual(CidGenerator.ForSession("alice", random).Prefix, CidGenerator.ForSession("alice", random).Prefix);
    }
}
