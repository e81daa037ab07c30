using Engine.Simulator.Accounts;

namespace Engine.Simulator.Matching;

/// <summary>Fills and order endings: balances, fees, margin, positions and lock releases.</summary>
public sealed partial class MatchingEngine
{
    private void ApplyFill(WorkingOrder order, decimal price, decimal quantity, Liquidity liquidity, DateTimeOffset now, List<MatchingEvent> events)
    {
        if (quantity <= 0m)
        {
            return;
        }

        var rules = order.Rules;
        var account = accounts[order.AccountId];
        var wallet = account.WalletFor(rules);
        var fee = rules.Notional(price, quantity) * Fees.Rate(liquidity);
        var share = order.Remaining == 0m ? 0m : order.Reserved * quantity / order.Remaining;
        order.Reserved -= share;
        var touched = new List<string>();

        if (!rules.IsFutures)
        {
            if (order.Side == OrderSide.Buy)
            {
                wallet.Adjust(rules.QuoteAsset, share - (price * quantity) - fee, -share);
                wallet.Adjust(rules.BaseAsset, quantity, 0m);
            }
            else
            {
                wallet.Adjust(rules.BaseAsset, 0m, -share);
                wallet.Adjust(rules.QuoteAsset, (price * quantity) - fee, 0m);
            }

            touched.Add(rules.BaseAsset);
            touched.Add(rules.QuoteAsset);
        }
        else
        {
            var asset = rules.SettleAsset;
            wallet.Adjust(asset, share - fee, -share);
            var position = PositionOf(account, rules.Symbol);
            var closing = order.Effect switch
            {
                PositionEffect.Close => quantity,
                PositionEffect.Open => 0m,
                _ => Math.Min(quantity, CloseLeg(position, order.Side).Quantity),
            };
            if (closing > 0m)
            {
                ClosePart(rules, wallet, position, order, price, closing);
            }

            if (quantity - closing > 0m)
            {
                OpenPart(rules, wallet, position, order.Side, price, quantity - closing);
            }

            position.UpdatedAt = now;
            touched.Add(asset);
        }

        order.Filled += quantity;
        order.FilledNotional += price * quantity;
        order.Status = order.Remaining == 0m ? SimOrderStatus.Filled : SimOrderStatus.PartiallyFilled;
        order.UpdatedAt = now;

        var fill = new Fill
        {
            FillId = NextFillId(),
            OrderId = order.OrderId,
            AccountId = order.AccountId,
            Symbol = rules.Symbol,
            Side = order.Side,
            Price = price,
            Quantity = quantity,
            Liquidity = liquidity,
            Fee = fee,
            FeeAsset = rules.IsFutures ? rules.SettleAsset : rules.QuoteAsset,
            At = now,
        };
        fills.Add(fill);
        events.Add(new OrderFilled(order.ToView(), fill, now));
        foreach (var asset in touched)
        {
            events.Add(BalanceEvent(account.Id, rules.IsFutures, wallet, asset, now));
        }

        if (rules.IsFutures)
        {
            events.Add(new PositionChanged(View(account.Id, rules, account.Positions[rules.Symbol], price), now));
        }
    }

    private static void ClosePart(SymbolRules rules, Wallet wallet, FuturesPosition position, WorkingOrder order, decimal price, decimal quantity)
    {
        var closingLong = order.Side == OrderSide.Sell;
        var leg = closingLong ? position.Long : position.Short;
        if (leg.Quantity <= 0m)
        {
            return;
        }

        quantity = Math.Min(quantity, leg.Quantity);
        var pnl = rules.LongPnl(leg.AveragePrice, price, quantity) * (closingLong ? 1m : -1m);
        var released = leg.Margin * quantity / leg.Quantity;
        leg.Quantity -= quantity;
        leg.Margin -= released;
        if (order.Effect == PositionEffect.Close)
        {
            leg.PendingClose -= quantity;
        }

        if (leg.Quantity == 0m)
        {
            leg.AveragePrice = 0m;
            leg.Margin = 0m;
        }

        position.RealisedPnl += pnl;
        wallet.Adjust(rules.SettleAsset, released + pnl, -released);
    }

    private static void OpenPart(SymbolRules rules, Wallet wallet, FuturesPosition position, OrderSide side, decimal price, decimal quantity)
    {
        var leg = side == OrderSide.Buy ? position.Long : position.Short;
        var margin = rules.Notional(price, quantity) / rules.Leverage;
        leg.AveragePrice = rules.AverageEntry(leg.Quantity, leg.AveragePrice, quantity, price);
        leg.Quantity += quantity;
        leg.Margin += margin;
        wallet.Adjust(rules.SettleAsset, -margin, margin);
    }

    /// <summary>Ends an order: removes it from the book, releases what it still holds, emits the final event.</summary>
    private void Finish(WorkingOrder order, SimOrderStatus status, DateTimeOffset now, List<MatchingEvent> events)
    {
        books[order.Rules.Symbol].Remove(order);
        var account = accounts[order.AccountId];
        var wasCanceled = status == SimOrderStatus.Canceled;
        order.Status = status;
        order.UpdatedAt = now;
        if (order.Effect == PositionEffect.Close && order.Remaining > 0m)
        {
            CloseLeg(PositionOf(account, order.Rules.Symbol), order.Side).PendingClose -= order.Remaining;
        }

        if (wasCanceled)
        {
            events.Add(new OrderCanceled(order.ToView(), now));
        }

        if (order.Reserved != 0m)
        {
            var wallet = account.WalletFor(order.Rules);
            wallet.Adjust(order.ReservedAsset, order.Reserved, -order.Reserved);
            order.Reserved = 0m;
            events.Add(BalanceEvent(account.Id, order.Rules.IsFutures, wallet, order.ReservedAsset, now));
        }
    }

    private static FuturesPosition PositionOf(SimAccount account, string symbol)
    {
        if (!account.Positions.TryGetValue(symbol, out var position))
        {
            position = new FuturesPosition();
            account.Positions[symbol] = position;
        }

        return position;
    }

    /// <summary>Leg a close (or the closing part of a net order) on <paramref name="side"/> acts on: a sell closes long, a buy closes short.</summary>
    private static PositionLeg CloseLeg(FuturesPosition position, OrderSide side) => side == OrderSide.Sell ? position.Long : position.Short;

    private static BalanceChanged BalanceEvent(string accountId, bool futures, Wallet wallet, string asset, DateTimeOffset now)
    {
        var b = wallet.Get(asset);
        return new BalanceChanged(accountId, futures, asset, b.Free, b.Locked, now);
    }
}
