using System.Globalization;
using Engine.Simulator.Accounts;

namespace Engine.Simulator.Matching;

/// <summary>Order entry: rule checks, the taker plan, reservation, execution and resting.</summary>
public sealed partial class MatchingEngine
{
    /// <summary>Plan order of a buy: lowest price first, then priority (resting orders by arrival, synthetic levels last).</summary>
    private static readonly Comparison<PlanStep> BuyPlanOrder = (a, b) => a.Price != b.Price ? a.Price.CompareTo(b.Price) : a.Priority.CompareTo(b.Priority);

    /// <summary>Plan order of a sell: highest price first, then priority.</summary>
    private static readonly Comparison<PlanStep> SellPlanOrder = (a, b) => a.Price != b.Price ? b.Price.CompareTo(a.Price) : a.Priority.CompareTo(b.Priority);

    /// <summary>
    /// Submits an order. Returns <see cref="OrderRejected"/> alone when a rule fails (nothing changed);
    /// otherwise <see cref="OrderAccepted"/>, then the fills it took at once with their balance and position
    /// events, then <see cref="OrderCanceled"/> if an IOC/market remainder was dropped.
    /// <paramref name="quote"/> is the synthetic liquidity; null means none (only resting orders trade).
    /// </summary>
    public IReadOnlyList<MatchingEvent> Submit(OrderRequest request, MarketQuote? quote, DateTimeOffset now)
    {
        var rules = symbols.GetValueOrDefault(request.Symbol);
        if (rules is null)
        {
            return [Reject(request, RejectReason.UnknownSymbol, $"symbol {request.Symbol} is not listed", now)];
        }

        var account = accounts.GetValueOrDefault(request.AccountId);
        if (account is null)
        {
            return [Reject(request, RejectReason.UnknownAccount, $"account {request.AccountId} is not known", now)];
        }

        var violation = CheckRules(request, rules, quote);
        if (violation is { } v)
        {
            return [Reject(request, v.Reason, v.Detail, now)];
        }

        var plan = Plan(request, rules, quote);
        if (request.Type == OrderType.PostOnly && plan.Count > 0)
        {
            return [Reject(request, RejectReason.WouldTakeLiquidity, "post-only order would take liquidity", now)];
        }

        if (request.Type == OrderType.Market && plan.Count == 0)
        {
            return [Reject(request, RejectReason.NoLiquidity, "no liquidity for a market order", now)];
        }

        var reservation = Reserve(request, rules, account, plan, quote);
        if (reservation.Reason is { } reason)
        {
            return [Reject(request, reason, reservation.Detail, now)];
        }

        var order = new WorkingOrder
        {
            OrderId = NextOrderId(),
            AccountId = account.Id,
            Rules = rules,
            Side = request.Side,
            Type = request.Type,
            Effect = rules.IsFutures ? request.Effect : PositionEffect.Net,
            Price = request.Price,
            Quantity = request.Quantity,
            Sequence = sequence++,
            CreatedAt = now,
            UpdatedAt = now,
            ClientTag = request.ClientTag,
            ReservedAsset = reservation.Asset,
            Reserved = reservation.Amount,
        };
        orders[order.OrderId] = order;

        var events = new List<MatchingEvent> { new OrderAccepted(order.ToView(), now) };
        var wallet = account.WalletFor(rules);
        if (order.Reserved > 0m && wallet.TryLock(order.ReservedAsset, order.Reserved))
        {
            events.Add(BalanceEvent(account.Id, rules.IsFutures, wallet, order.ReservedAsset, now));
        }

        if (order.Effect == PositionEffect.Close)
        {
            var leg = CloseLeg(PositionOf(account, rules.Symbol), order.Side);
            leg.PendingClose += order.Quantity;
        }

        foreach (var step in plan)
        {
            var quantity = Math.Min(order.Remaining, step.Quantity);
            if (step.Maker is { } maker)
            {
                quantity = Math.Min(quantity, maker.Remaining);
                ApplyFill(maker, step.Price, quantity, Liquidity.Maker, now, events);
                if (maker.Remaining == 0m)
                {
                    Finish(maker, SimOrderStatus.Filled, now, events);
                }
            }

            ApplyFill(order, step.Price, quantity, Liquidity.Taker, now, events);
            if (order.Remaining == 0m)
            {
                break;
            }
        }

        if (order.Remaining == 0m)
        {
            Finish(order, SimOrderStatus.Filled, now, events);
        }
        else if (request.Type is OrderType.Ioc or OrderType.Market)
        {
            Finish(order, SimOrderStatus.Canceled, now, events);
        }
        else
        {
            books[rules.Symbol].Insert(order);
        }

        return events;
    }

    private static (RejectReason Reason, string Detail)? CheckRules(OrderRequest request, SymbolRules rules, MarketQuote? quote)
    {
        var c = CultureInfo.InvariantCulture;
        if (request.Quantity <= 0m)
        {
            return (RejectReason.InvalidQuantity, string.Create(c, $"quantity {request.Quantity} must be positive"));
        }

        var priced = request.Type != OrderType.Market;
        if (priced && request.Price <= 0m)
        {
            return (RejectReason.InvalidPrice, string.Create(c, $"price {request.Price} must be positive"));
        }

        if (priced && rules.PriceTick > 0m && request.Price % rules.PriceTick != 0m)
        {
            return (RejectReason.PriceTick, string.Create(c, $"price {request.Price} is not a multiple of {rules.PriceTick}"));
        }

        if (rules.SizeTick > 0m && request.Quantity % rules.SizeTick != 0m)
        {
            return (RejectReason.SizeTick, string.Create(c, $"quantity {request.Quantity} is not a multiple of {rules.SizeTick}"));
        }

        if (request.Quantity < rules.MinSize)
        {
            return (RejectReason.MinSize, string.Create(c, $"quantity {request.Quantity} is below the minimum {rules.MinSize}"));
        }

        var reference = priced ? request.Price : quote?.Mid ?? 0m;
        var notional = rules.IsFutures ? request.Quantity * rules.ContractSize : reference * request.Quantity;
        if (rules.MinNotional > 0m && reference > 0m && notional < rules.MinNotional)
        {
            return (RejectReason.MinNotional, string.Create(c, $"order value {notional} is below the minimum {rules.MinNotional}"));
        }

        return null;
    }

    /// <summary>Contra liquidity the order would take, best first: resting orders of other accounts before synthetic levels at equal price.</summary>
    private List<PlanStep> Plan(OrderRequest request, SymbolRules rules, MarketQuote? quote)
    {
        var buy = request.Side == OrderSide.Buy;
        var steps = new List<PlanStep>();
        foreach (var o in books[rules.Symbol].Side(buy ? OrderSide.Sell : OrderSide.Buy))
        {
            if (o.AccountId != request.AccountId && Crosses(request, o.Price))
            {
                steps.Add(new PlanStep(o.Price, o.Remaining, o, o.Sequence));
            }
        }

        var levels = quote is null ? [] : buy ? quote.Asks : quote.Bids;
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            if (level.Quantity > 0m && Crosses(request, level.Price))
            {
                steps.Add(new PlanStep(level.Price, level.Quantity, null, long.MaxValue));
            }
        }

        steps.Sort(buy ? BuyPlanOrder : SellPlanOrder);

        var left = request.Quantity;
        var taken = new List<PlanStep>();
        foreach (var step in steps)
        {
            if (left <= 0m)
            {
                break;
            }

            var quantity = Math.Min(left, step.Quantity);
            taken.Add(step with { Quantity = quantity });
            left -= quantity;
        }

        return taken;
    }

    private static bool Crosses(OrderRequest request, decimal price) =>
        request.Type == OrderType.Market || (request.Side == OrderSide.Buy ? price <= request.Price : price >= request.Price);

    private Reservation Reserve(OrderRequest request, SymbolRules rules, SimAccount account, List<PlanStep> plan, MarketQuote? quote)
    {
        var wallet = account.WalletFor(rules);
        var priced = request.Type != OrderType.Market;
        var c = CultureInfo.InvariantCulture;
        if (!rules.IsFutures)
        {
            if (request.Side == OrderSide.Sell)
            {
                return wallet.Get(rules.BaseAsset).Free >= request.Quantity
                    ? new Reservation(rules.BaseAsset, request.Quantity, null, "")
                    : new Reservation(rules.BaseAsset, 0m, RejectReason.InsufficientBalance, string.Create(c, $"{rules.BaseAsset} free {wallet.Get(rules.BaseAsset).Free} < {request.Quantity}"));
            }

            var cost = priced ? request.Price * request.Quantity : plan.Sum(s => s.Price * s.Quantity);
            var amount = cost * (1m + Fees.MaxRate);
            return wallet.Get(rules.QuoteAsset).Free >= amount
                ? new Reservation(rules.QuoteAsset, amount, null, "")
                : new Reservation(rules.QuoteAsset, 0m, RejectReason.InsufficientBalance, string.Create(c, $"{rules.QuoteAsset} free {wallet.Get(rules.QuoteAsset).Free} < {amount}"));
        }

        var asset = rules.SettleAsset;
        var position = PositionOf(account, rules.Symbol);
        var opening = request.Quantity;
        if (request.Effect == PositionEffect.Close)
        {
            var leg = CloseLeg(position, request.Side);
            var available = leg.Quantity - leg.PendingClose;
            return request.Quantity <= available
                ? new Reservation(asset, 0m, null, "")
                : new Reservation(asset, 0m, RejectReason.InsufficientPosition, string.Create(c, $"close {request.Quantity} exceeds the available position {available}"));
        }

        if (request.Effect == PositionEffect.Net)
        {
            opening = Math.Max(0m, request.Quantity - CloseLeg(position, request.Side).Quantity);
        }

        var reference = priced ? request.Price : plan.Count > 0 ? plan[^1].Price : quote?.Mid ?? 0m;
        var notional = opening == 0m || reference <= 0m ? 0m : rules.Notional(reference, opening);
        var margin = (notional / rules.Leverage) + (notional * Fees.MaxRate);
        return wallet.Get(asset).Free >= margin
            ? new Reservation(asset, margin, null, "")
            : new Reservation(asset, 0m, RejectReason.InsufficientMargin, string.Create(c, $"{asset} free {wallet.Get(asset).Free} < margin {margin}"));
    }

    private static OrderRejected Reject(OrderRequest request, RejectReason reason, string detail, DateTimeOffset now) => new(request, reason, detail, now);

    private readonly record struct PlanStep(decimal Price, decimal Quantity, WorkingOrder? Maker, long Priority);

    private readonly record struct Reservation(string Asset, decimal Amount, RejectReason? Reason, string Detail);
}
