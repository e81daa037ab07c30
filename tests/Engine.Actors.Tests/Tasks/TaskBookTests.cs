using System.Numerics;
using System.Text.Json;
using Engine.Actors.Tasks;
using Engine.Messages;
using Engine.Messages.Identifiers;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tests.Tasks;

/// <summary>The pure book: open commands through their lifecycle, trade ids, other logins ignored; the events' JSON.</summary>
public class TaskBookTests
{
    private static readonly LoginId Login = new("dbot-1");
    private static readonly TaskCommandId Id = new("c-1");
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    [Fact]
    public void A_command_is_open_from_issued_until_accepted_rejected_or_resolved()
    {
        var book = new TaskBook(Login);
        book.Apply(new TaskCommandIssued(Login, Id, At, "op", ["t"], "{}"));
        Assert.True(book.IsUsed(Id));
        Assert.False(Assert.Single(book.Open).IsUnknown);
        book.Apply(new TaskCommandUnknown(Login, Id, At, "op", "timeout"));
        Assert.Single(book.Unknown);
        book.Apply(new TaskCommandResolved(Login, Id, At, "op", TaskResolution.Applied, "listed", ["t"]));
        Assert.Empty(book.Open);
        Assert.True(book.IsUsed(Id));
    }

    [Fact]
    public void Trade_results_are_remembered_by_id_and_other_logins_are_ignored()
    {
        var book = new TaskBook(Login);
        book.Apply(new TradeFailed(Login, At, "t_1", "t", "follow_order", null, "solana", "buy", "tok", "w", "E_OTHERS", "x"));
        book.Apply(new TradeFailed(new LoginId("other"), At, "t_2", "t", "follow_order", null, "solana", "buy", "tok", "w", "E_OTHERS", "x"));
        Assert.True(book.IsRecorded("t_1"));
        Assert.False(book.IsRecorded("t_2"));
        Assert.Equal(1, book.TradeCount);
    }

    [Fact]
    public void Trade_amounts_are_journaled_as_decimal_strings_and_read_back_exactly()
    {
        var amount = BigInteger.Parse("178571428571428571428", System.Globalization.CultureInfo.InvariantCulture);
        var trade = new TradeSucceeded(Login, At, "t_1", "t", "follow_order", null, "solana", "buy", "tok", "TOK", "w", "sol", amount, 9, "tok", amount, 6, 0.42m, BigInteger.One, 5, "h", At);
        var json = JsonSerializer.Serialize(trade, EngineMessagesJsonContext.Default.TradeSucceeded);
        Assert.Contains("\"SendAmount\":\"178571428571428571428\"", json, StringComparison.Ordinal);
        Assert.Equal(trade, JsonSerializer.Deserialize(json, EngineMessagesJsonContext.Default.TradeSucceeded));
        Assert.Equal("TradeSucceeded.v1", EventManifests.Of(typeof(TradeSucceeded)));
    }
}
