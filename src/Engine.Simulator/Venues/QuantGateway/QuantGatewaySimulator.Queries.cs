using System.Text.Json;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>open_orders, asset, position and symbol_info (§3.7–§3.10).</summary>
public sealed partial class QuantGatewaySimulator
{
    private void Query(QuantSession session, QuantLogin login, string op, JsonElement? cid, string symbol)
    {
        var account = login.Account!;
        IReadOnlyList<Matching.OrderView> open = [];
        PositionView? position = null;
        switch (op)
        {
            case "open_orders":
                open = engine.OpenOrders(account.Id, symbol);
                if (!login.IsFutures && quirks.NoPartialFilledOnSpot && open.Any(o => o.Status == Matching.SimOrderStatus.PartiallyFilled))
                {
                    // huobi.py raises a NameError on a partially filled open order: no reply (§8.5).
                    return;
                }

                break;
            case "position" when !login.IsFutures:
                if (!quirks.PositionOnSpotNoReply)
                {
                    Reply(session, op, QuantFrames.Reply(venue.PythonJson, op, cid, false, "position is not supported on platform " + login.Platform));
                }

                return;
            case "position":
                position = engine.Position(account.Id, symbol, market.Mid(symbol) ?? 0m);
                break;
            default:
                break;
        }

        var reply = QuantFrames.StartReply(venue.PythonJson, op, cid, true, string.Empty).Name("data");
        switch (op)
        {
            case "open_orders":
                reply.StartArray();
                foreach (var order in open)
                {
                    NotificationRenderer.Order(reply, order, login.IsFutures, false);
                }

                reply.EndArray();
                break;
            case "asset":
                NotificationRenderer.Asset(reply, login.IsFutures ? account.Futures : account.Spot, !login.IsFutures, false);
                break;
            case "position":
                NotificationRenderer.Position(reply, position!, null);
                break;
            default:
                SymbolInfo(reply, symbol, login.IsFutures);
                break;
        }

        Reply(session, op, reply.EndObject().ToFrame());
    }

    private void SymbolInfo(QuantJsonWriter w, string symbol, bool futures)
    {
        var rules = engine.Rules(symbol)!;
        w.StartObject().Name("price_tick").Number(rules.PriceTick);
        if (futures)
        {
            w.Name("size_tick").Number(1L).Name("size_limit").Number(1L).Name("value_tick").Null().Name("value_limit").Null();
        }
        else
        {
            w.Name("size_tick").Number(rules.SizeTick).Name("size_limit").Number(rules.MinSize).Name("value_tick").Number(rules.PriceTick).Name("value_limit").Number(rules.MinNotional);
        }

        w.Name("base_currency").String(rules.BaseAsset)
            .Name("quote_currency").String(rules.QuoteAsset)
            .Name("settlement_currency").String(futures ? rules.SettleAsset : rules.QuoteAsset)
            .EndObject();
    }
}
