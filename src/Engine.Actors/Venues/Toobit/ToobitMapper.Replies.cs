using System.Collections.Immutable;
using System.Text.Json;
using Engine.Messages.Accounts;
using Engine.Messages.Identifiers;
using Engine.Messages.Markets;
using Engine.Messages.Orders;
using W = Engine.Actors.Venues.Toobit.ToobitWire;

namespace Engine.Actors.Venues.Toobit;

public static partial class ToobitMapper
{
    /// <summary>Codes that mean "execution status unknown" (§6): never a rejection.</summary>
    private static readonly ImmutableHashSet<string> UnknownCodes = ["-1000", "-1001", "-1006", "-1007", "-1146", "-1147"];

    /// <summary>
    /// The venue-neutral answer of one HTTP reply to <paramref name="request"/>. No HTTP answer, a 5xx or an
    /// "unknown" code → <see cref="UnreadableReply"/> (outcome unknown, resolved by a query, never rejected); 429 and 418
    /// → <see cref="RetryLaterReply"/> (not executed); -2013 on a status query → a missing order; a refused single
    /// cancel → a failed <see cref="CancelResult"/>; any other <c>{code,msg}</c> (whatever the HTTP status) →
    /// <see cref="RequestRefusedReply"/> naming the code; a success that cannot be read → unreadable.
    /// </summary>
    public static VenueReply ToReply(ToobitHttpReply reply, VenueRequest request)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Failure is { } failure)
        {
            return new UnreadableReply($"outcome unknown: {failure}");
        }

        if (reply.Status >= 500)
        {
            return new UnreadableReply($"outcome unknown: Toobit answered HTTP {reply.Status}{Describe(ToobitCodec.ReadError(reply.Body))}");
        }

        if (reply.Status is 429 or 418)
        {
            return new RetryLaterReply($"Toobit answered HTTP {reply.Status}{Describe(ToobitCodec.ReadError(reply.Body))}");
        }

        var error = ToobitCodec.ReadError(reply.Body);
        if (error is null && !reply.IsHttpSuccess)
        {
            return new RequestRefusedReply($"Toobit answered HTTP {reply.Status} without an error code");
        }

        if (error is not null)
        {
            var reason = $"Toobit {error.Code}: {error.Message}";
            return (error.Code, request) switch
            {
                (var code, _) when UnknownCodes.Contains(code) => new UnreadableReply($"outcome unknown: {reason}"),
                ("-2013", ToobitOrderStatusRequest) => new ToobitOrderStatusReply(null, reason),
                (_, CancelOrdersVenueRequest { VenueOrderIds: [var vid] }) => new CancelResultsReply([new CancelResult(vid, false, reason)], []),
                _ => new RequestRefusedReply(reason),
            };
        }

        var body = reply.Body;
        return request switch
        {
            PlaceOrdersVenueRequest batch => ToBatchResults(body, batch.Orders.Length),
            PlaceOrderVenueRequest => ToobitCodec.ReadOrder(body) is { } placed
                ? new OrderPlacedReply(Id(placed.OrderId))
                : new UnreadableReply("the order was sent but its answer has no readable orderId"),
            CancelOrdersVenueRequest { VenueOrderIds.Length: 0 } => new CancelResultsReply([], []),
            CancelOrdersVenueRequest { VenueOrderIds: [var one] } => new CancelResultsReply([new CancelResult(one, true, string.Empty)], []),
            CancelOrdersVenueRequest many => ToCancelResults(body, many.VenueOrderIds),
            OpenOrdersVenueRequest open => ToobitCodec.ReadOrders(body) is { } orders
                ? new OpenOrdersListedReply(open.Symbol, [.. orders.Select(ToOpenOrder).OfType<OpenOrder>()])
                : new UnreadableReply("the open orders answer is not a readable list of orders"),
            ToobitOrderStatusRequest => ToobitCodec.ReadOrder(body) is { } order && ToOpenOrder(order) is { } known
                ? new ToobitOrderStatusReply(known, null)
                : new UnreadableReply("the order status answer has no readable order"),
            BalancesVenueRequest => ToobitCodec.ReadBalances(body) is { } balances
                ? new BalancesListedReply([.. balances.Select(b => new Balance(b.Asset, b.Free, b.Locked, b.Free + b.Locked))])
                : new UnreadableReply("the account answer has no readable balances"),
            PositionVenueRequest p => ToobitCodec.ReadPositions(body) is { } legs
                ? new PositionListedReply(ToPosition(p.Symbol, legs.Where(l => l.Symbol == p.Symbol.Value)))
                : new UnreadableReply("the positions answer is not a readable list"),
            SymbolInfoVenueRequest s => ToobitCodec.ReadSymbol(body, s.Symbol.Value) is { } info
                ? new SymbolRulesListedReply(ToRules(info))
                : new RequestRefusedReply($"exchangeInfo does not list the symbol {s.Symbol}"),
            _ => new UnreadableReply($"no mapping of a Toobit answer to {request.GetType().Name}"),
        };
    }

    /// <summary>An order as listed by the venue; null when its side is unknown. A zero price (market) is no price.</summary>
    public static OpenOrder? ToOpenOrder(W.Order o)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (ToSide(o.Side) is not { } side)
        {
            return null;
        }

        var remaining = Math.Max(0m, o.OrigQty - o.ExecutedQty);
        return new OpenOrder(
            Id(o.OrderId),
            string.IsNullOrWhiteSpace(o.ClientOrderId) ? null : new ClientOrderId(o.ClientOrderId),
            side,
            ToOrderType(o.Type, o.TimeInForce, o.PriceType),
            ToTimeInForce(o.TimeInForce),
            o.Price > 0m ? o.Price : null,
            o.OrigQty,
            remaining,
            ToStatus(o.Status) ?? OrderStatus.Accepted,
            o.Time is > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(o.Time.Value) : null,
            o.UpdateTime is > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(o.UpdateTime.Value) : null);
    }

    /// <summary>Both legs of a futures position from the venue's legs (missing legs are flat).</summary>
    public static PositionSnapshot ToPosition(Symbol symbol, IEnumerable<W.PositionLeg> legs)
    {
        var list = legs.ToList();
        var longLeg = list.FirstOrDefault(l => l.Side == "LONG");
        var shortLeg = list.FirstOrDefault(l => l.Side == "SHORT");
        return new PositionSnapshot(
            symbol,
            longLeg?.Quantity ?? 0m,
            longLeg?.Available ?? 0m,
            longLeg?.AveragePrice ?? 0m,
            shortLeg?.Quantity ?? 0m,
            shortLeg?.Available ?? 0m,
            shortLeg?.AveragePrice ?? 0m,
            (longLeg?.UnrealisedPnl ?? 0m) + (shortLeg?.UnrealisedPnl ?? 0m),
            longLeg?.Leverage ?? shortLeg?.Leverage);
    }

    /// <summary>
    /// The items of a batch answer (<c>{"code":0,"result":[{"code":0,"order":{…}},{"code":-1149,"msg":"…"}]}</c>), one per
    /// order in order: a success code with a readable order → placed; an "unknown" code → unreadable (resolved by a
    /// query); any other code → refused with it. Unreadable as a whole when <c>result</c> is not an array of
    /// <paramref name="count"/> items.
    /// </summary>
    public static VenueReply ToBatchResults(JsonElement body, int count)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array || result.GetArrayLength() != count)
        {
            return new UnreadableReply($"the batch answer has no 'result' array of {count} items");
        }

        return new BatchPlacedReply([.. result.EnumerateArray().Select(item =>
        {
            var code = ToobitCodec.Text(item, "code");
            var reason = $"Toobit {code}: {ToobitCodec.Text(item, "msg") ?? ToobitCodec.Text(item, "message")}";
            return (VenueReply)(ToobitCodec.IsSuccessCode(code)
                ? item.TryGetProperty("order", out var order) && ToobitCodec.ReadOrder(order) is { } placed
                    ? new OrderPlacedReply(Id(placed.OrderId))
                    : new UnreadableReply("a batch item succeeded but has no readable order")
                : UnknownCodes.Contains(code!) ? new UnreadableReply($"outcome unknown: {reason}") : new RequestRefusedReply(reason));
        })]);
    }

    /// <summary>The rules of one <c>exchangeInfo</c> symbol: tick, step, min/max quantity, min notional; futures in whole contracts, settled in the margin token.</summary>
    public static SymbolRules ToRules(W.SymbolInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var futures = info.ContractMultiplier is not null;
        return new SymbolRules(
            new Symbol(info.Symbol),
            info.TickSize,
            futures ? Math.Max(1m, info.StepSize) : info.StepSize,
            info.MinQty,
            info.MaxQty,
            futures ? null : info.MinNotional is > 0m ? info.MinNotional : null,
            null,
            info.BaseAsset.Length > 0 ? info.BaseAsset : null,
            info.QuoteAsset.Length > 0 ? info.QuoteAsset : null,
            futures ? info.MarginToken ?? info.QuoteAsset : null);
    }

    private static CancelResultsReply ToCancelResults(JsonElement body, ImmutableArray<VenueOrderId> ids)
    {
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in result.EnumerateArray())
            {
                if (ToobitCodec.Text(item, "orderId") is { } id)
                {
                    failed[id] = $"Toobit {ToobitCodec.Text(item, "code")}: cancel failed";
                }
            }
        }

        return new CancelResultsReply([.. ids.Select(i => failed.TryGetValue(i.Value, out var why) ? new CancelResult(i, false, why) : new CancelResult(i, true, string.Empty))], []);
    }

    private static VenueOrderId Id(long orderId) => new(orderId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string Describe(W.Error? error) => error is null ? string.Empty : $" ({error.Code}: {error.Message})";
}
