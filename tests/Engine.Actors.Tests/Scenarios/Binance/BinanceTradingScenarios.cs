using Engine.Actors.Venues.Binance;
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
        var ready = StartReady(LoginOptions(keyType));
        Assert.Contains("user data stream subscribed", ready.VenueText, StringComparison.Ordinal);
        var usdt = ExpectReconciledBalance("USDT");
        Assert.Equal(100_000m, usdt.Balance.Total);

        await SetMid(50_000m);
        var buy = SubmitAccepted($"buy-{keyType}", OrderSide.Buy, 2m, 49_000m);

        await SetMid(48_000m);
        var partial = ExpectOrderEvent<OrderPartiallyFilled>(buy.ClientOrderId);
        Assert.True(partial.Quantity is > 0m and < 2m);
        Assert.Equal(49_000m, partial.Price);

        Cancel(buy.ClientOrderId);
        var canceled = ExpectOrderEvent<OrderCanceled>(buy.ClientOrderId);
        Assert.Equal(buy.ClientOrderId, canceled.ClientOrderId);
        Assert.Equal(2m - partial.Quantity, canceled.Remaining);

        var btc = Assert.Single(Balances().Balances, b => b.Asset == "BTC");
        Assert.True(btc.Total > 2m, $"BTC {btc.Total} should include the partial fill");
        Assert.Equal(0m, btc.Locked);
    }
}
