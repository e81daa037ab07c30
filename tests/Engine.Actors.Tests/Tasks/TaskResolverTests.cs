using System.Collections.Immutable;
using Engine.Actors.Tasks;
using Engine.Actors.Venues.DBot;
using Engine.Messages.Identifiers;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tests.Tasks;

/// <summary>Every operation's settlement from a listing, and the one the listing cannot tell.</summary>
public class TaskResolverTests
{
    private static readonly FollowOrder[] Listed =
    [
        new("t1", "a", "solana", true, "sol-main", ["l"], """{"id":"t1","name":"a","enabled":true,"buySettings":{"maxBuyAmountUI":"0.5","maxSlippage":0.2}}"""),
        new("t2", "b", "solana", false, "sol-alt", ["l"], """{"id":"t2","name":"b","enabled":false}"""),
    ];

    public static TheoryData<string, string, string[], TaskResolution, string> Cases => new()
    {
        { DBotWire.CreateOrUpdateFollowOrder, """{"name":"a"}""", [], TaskResolution.Applied, "follow order t1 is named 'a'" },
        { DBotWire.CreateOrUpdateFollowOrder, """{"name":"z"}""", [], TaskResolution.NotApplied, "no follow order is named 'z'" },
        { DBotWire.CreateOrUpdateFollowOrder, """{"id":"t1","name":"a","buySettings":{"maxBuyAmountUI":"0.5"}}""", ["t1"], TaskResolution.Applied, "follow order t1 shows every sent field" },
        { DBotWire.CreateOrUpdateFollowOrder, """{"id":"t1","name":"a2","buySettings":{"maxSlippage":0.3}}""", ["t1"], TaskResolution.NotApplied, "follow order t1 differs in name, buySettings.maxSlippage" },
        { DBotWire.UpdateFollowOrder, """{"id":"t2","enabled":false}""", ["t2"], TaskResolution.Applied, "1 of 1 listed as disabled" },
        { DBotWire.BatchToggleFollowOrder, """{"ids":["t1","t2"],"enabled":true}""", ["t1", "t2"], TaskResolution.Partial, "1 of 2 listed as enabled: t1" },
        { DBotWire.BatchUpdateFollowOrder, """{"ids":["t1","t2"],"walletId":"sol-alt"}""", ["t1", "t2"], TaskResolution.Partial, "1 of 2 listed as on wallet sol-alt: t2" },
        { DBotWire.DeleteFollowOrders, """{"ids":["t3"]}""", ["t3"], TaskResolution.Applied, "1 of 1 listed as gone" },
        { DBotWire.DeleteFollowOrders, """{"ids":["t1","t2"]}""", ["t1", "t2"], TaskResolution.NotApplied, "0 of 2 listed as gone" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_listing_settles_the_command(string operation, string payload, string[] ids, TaskResolution resolution, string evidence)
    {
        var resolved = TaskResolver.Resolve(Issued(operation, payload, ids), Listed);
        Assert.NotNull(resolved);
        Assert.Equal(resolution, resolved.Value.Resolution);
        Assert.Equal(evidence, resolved.Value.Evidence);
    }

    [Fact]
    public void A_swap_cannot_be_settled_from_the_follow_orders_and_stays_unknown() =>
        Assert.Null(TaskResolver.Resolve(Issued(DBotWire.CreateSwapOrder, """{"chain":"solana"}""", []), Listed));

    private static TaskCommandIssued Issued(string operation, string payload, string[] ids) =>
        new(new LoginId("dbot-1"), new TaskCommandId("c"), DateTimeOffset.UnixEpoch, operation, [.. ids], payload);
}
