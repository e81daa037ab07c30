using Engine.Actors.Venues.Binance;
using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Scenarios.Binance;

public sealed class BinanceTradingScenarios : BinanceScenarioBase
{
    [Theory]
    [InlineData(BinanceKeyType.Ed25519)]
    [InlineData(BinanceKeyType.Hmac)]
    public async Task Logon_subscribe_place_partial_fills_then_cancel(BinanceKeyType keyType)
    {
        StartEngine(LoginOptions(keyType));
        var ready = ExpectState(ConnectionState.Ready);
        Assert.Contains("user data stream subscribed", ready.VenueText, StringComparison.Ordinal);
        var usdt = Events.FishForMessage<BalanceChanged>(b => b.IsReconciliation && b.Balance.Asset == "USDT", Wait);
        Assert.Equal(100_000m, usdt.Balance.Total);

        await SetMid(50_000m);
        var buy = Limit($"buy-{keyType}", OrderSide.Buy, 2m, 49_000m);
        Submit(buy);
        ExpectOrderEvent<OrderAccepted>(buy.ClientOrderId);

        await SetMid(48_000m);
        var partial = ExpectOrderEvent<OrderPartiallyFilled>(buy.ClientOrderId);
        Assert.True(partial.Quantity is > 0m and < 2m);
        Assert.Equal(49_000m, partial.Price);

        Strategy.Send(Connections, new CancelOrder(Login, buy.ClientOrderId, Time.GetUtcNow()));
        var canceled = ExpectOrderEvent<OrderCanceled>(buy.ClientOrderId);
        Assert.Equal(buy.ClientOrderId, canceled.ClientOrderId);
        Assert.Equal(2m - partial.Quantity, canceled.Remaining);

        Strategy.Send(Connections, new QueryBalances(Login, Time.GetUtcNow()));
        var balances = Strategy.FishForMessage<BalancesReply>(null, Wait);
        var btc = Assert.Single(balances.Balances, b => b.Asset == "BTC");
        Assert.True(btc.Total > 2m, $"BTC {btc.Total} should include the partial fill");
        Assert.Equal(0m, btc.Locked);
    }
}
