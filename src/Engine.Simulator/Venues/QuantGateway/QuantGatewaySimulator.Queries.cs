using System.Text.Json;
using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>open_orders, asset, position and symbol_info (§3.7–§3.10).</summary>
public sealed partial class QuantGatewaySimulator
{
    private void Query(QuantSession session, QuantLogin login, string op, JsonElement? cid, string symbol)
    {
        var account = login.Account!;
        JsonNode data;
        switch (op)
        {
            case "open_orders":
                var open = engine.OpenOrders(account.Id, symbol);
                if (!login.IsFutures && quirks.NoPartialFilledOnSpot && open.Any(o => o.Status == Matching.SimOrderStatus.PartiallyFilled))
                {
                    // huobi.py raises a NameError on a partially filled open order: no reply (§8.5).
                    return;
                }

                data = new JsonArray([.. open.Select(o => NotificationRenderer.Order(o, login.IsFutures, false))]);
                break;
            case "asset":
                data = NotificationRenderer.Asset(login.IsFutures ? account.Futures : account.Spot, !login.IsFutures, false);
                break;
            case "position" when !login.IsFutures:
                if (!quirks.PositionOnSpotNoReply)
                {
                    Reply(session, op, QuantFrames.Reply(op, cid, false, "position is not supported on platform " + login.Platform));
                }

                return;
            case "position":
                data = NotificationRenderer.Position(engine.Position(account.Id, symbol, market.Mid(symbol) ?? 0m), null);
                break;
            default:
                data = SymbolInfo(symbol, login.IsFutures);
                break;
        }

        var reply = QuantFrames.Reply(op, cid, true, string.Empty);
        reply["data"] = data;
        Reply(session, op, reply);
    }

    private JsonObject SymbolInfo(string symbol, bool futures)
    {
        var rules = engine.Rules(symbol)!;
        return new JsonObject
        {
            ["price_tick"] = rules.PriceTick,
            ["size_tick"] = futures ? JsonValue.Create(1L) : JsonValue.Create(rules.SizeTick),
            ["size_limit"] = futures ? JsonValue.Create(1L) : JsonValue.Create(rules.MinSize),
            ["value_tick"] = futures ? null : rules.PriceTick,
            ["value_limit"] = futures ? null : rules.MinNotional,
            ["base_currency"] = rules.BaseAsset,
            ["quote_currency"] = rules.QuoteAsset,
            ["settlement_currency"] = futures ? rules.SettleAsset : rules.QuoteAsset,
        };
    }
}
