using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Engine.Simulator.Venues.DBot;

/// <summary>
/// The data WebSocket at <c>/data/ws/</c> (reference §3): <c>X-API-KEY</c> on the upgrade (401 otherwise), the same
/// heartbeat and idle close as the trading socket, <c>subscribe</c>/<c>unsubscribe</c> of <c>tx</c> (trades of
/// <c>args.pair</c>, an array) and <c>pairInfo</c> (updates of one pair; the older <c>tokenInfo</c> is an alias;
/// <c>pairsInfo</c>/<c>tokensInfo</c> take several), answered <c>{"status":"ack","method":"subscribeResponse",...}</c>.
/// It publishes the synthetic chain: every leader trade and every trade the simulator executes for an account as a
/// <c>tx</c> item, and every price change as a <c>pairInfo</c> update, so a strategy sees the prices its tasks trade at.
/// ASSUMPTIONS (the push format is not covered by the reference; the field names follow DBot's docs pages): each
/// <c>tx</c> item and each <c>pairInfo</c> result carries the pool address as <c>p</c> (DBot's examples show none, and
/// without it a client with several pairs cannot attribute a push); an unknown pool is refused with
/// <c>"status":"error"</c>; unsubscribe is answered <c>unsubscribeResponse</c>.
/// </summary>
public sealed partial class DBotSimulator
{
    private long dataTrades;

    private Task HandleDataSocketAsync(HttpContext context) =>
        ServeSocketAsync(context, "data", dataSockets, (id, socket, account) => new DBotDataSession(id, socket, account, time.GetUtcNow()), HandleDataFrame);

    private void HandleDataFrame(DBotDataSession session, ReadOnlySpan<byte> frame)
    {
        if (session.Closing)
        {
            return;
        }

        if (!TryParseFrame(frame, out var root, out var error))
        {
            DataReply(session, "error", "subscribeResponse", null, error);
            return;
        }

        var method = (root?["method"] as JsonValue)?.GetValueKind() == JsonValueKind.String ? (string?)root!["method"] : null;
        var type = (root?["type"] as JsonValue)?.GetValueKind() == JsonValueKind.String ? (string?)root!["type"] : null;
        if (method is not ("subscribe" or "unsubscribe") || type is null)
        {
            DataReply(session, "error", "subscribeResponse", type, "expected {\"method\": \"subscribe\" | \"unsubscribe\", \"type\": <type>, \"args\": {...}}");
            return;
        }

        var reply = method == "subscribe" ? "subscribeResponse" : "unsubscribeResponse";
        if (type is not ("tx" or "pairInfo" or "tokenInfo" or "pairsInfo" or "tokensInfo" or "newPairInfo"))
        {
            DataReply(session, "error", reply, type, $"unknown type '{type}'; expected tx, pairInfo, pairsInfo or newPairInfo");
            return;
        }

        var args = root!["args"] as JsonObject ?? [];
        var target = type switch
        {
            "tx" => session.TxPairs,
            "newPairInfo" => null,
            _ => session.InfoPairs,
        };
        var pairs = Pairs(args);
        var unknown = pairs.Where(p => !DBotChainCatalog.Tokens.Any(t => t.Pair == p)).ToList();
        if (target is not null && (pairs.Count == 0 || unknown.Count > 0))
        {
            DataReply(session, "error", reply, type, pairs.Count == 0 ? $"{type}: args name no pair" : $"{type}: unknown pair(s) {string.Join(", ", unknown)}");
            return;
        }

        if (method == "subscribe")
        {
            target?.UnionWith(pairs);
            session.Types.Add(type);
        }
        else
        {
            target?.ExceptWith(pairs);
        }

        DataReply(session, "ack", reply, type, method == "subscribe" ? "Connected and subscribed" : "Unsubscribed");
    }

    /// <summary>The pools a subscribe names: <c>args.pair</c> (a string or an array), or <c>args.tokens[].pair</c> (older <c>tokensInfo</c>).</summary>
    private static List<string> Pairs(JsonObject args)
    {
        var pairs = new List<string>();
        switch (args["pair"])
        {
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                pairs.Add(v.GetValue<string>());
                break;
            case JsonArray array:
                pairs.AddRange(array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()));
                break;
        }

        if (args["tokens"] is JsonArray tokens)
        {
            pairs.AddRange(tokens.OfType<JsonObject>().Select(t => (string?)t["pair"]).OfType<string>());
        }

        return pairs;
    }

    private void DataReply(DBotDataSession session, string status, string method, string? type, string message) =>
        session.Send(new JsonObject
        {
            ["status"] = status,
            ["method"] = method,
            ["result"] = new JsonObject
            {
                ["type"] = type,
                ["t"] = time.GetUtcNow().ToUnixTimeMilliseconds(),
                ["subscribed"] = new JsonArray([.. session.Types.Select(t => (JsonNode)JsonValue.Create(t))]),
                ["message"] = message,
            },
        }.ToJsonString());

    /// <summary>A leader's trade on the pool, as the chain shows it: one native unit's worth at the current price.</summary>
    private void PublishLeaderTrade(DBotTokenSpec token, string leader, bool buy, DateTimeOffset now)
    {
        var nativePrice = prices[DBotChainCatalog.Natives[token.Chain].Contract];
        PublishTrade(token, leader, buy, 1m, nativePrice / prices[token.Asset.Contract], $"sim{dataTrades + 1}", now);
    }

    /// <summary>Pushes one <c>tx</c> item to every data connection subscribed to the token's pool (under the lock).</summary>
    private void PublishTrade(DBotTokenSpec token, string maker, bool buy, decimal nativeUi, decimal tokenUi, string hash, DateTimeOffset now)
    {
        dataTrades++;
        var targets = dataSockets.Open().Where(s => s.TxPairs.Contains(token.Pair)).ToList();
        if (targets.Count == 0 || tokenUi <= 0m)
        {
            return;
        }

        var nativePrice = prices[DBotChainCatalog.Natives[token.Chain].Contract];
        var frame = new JsonObject
        {
            ["type"] = "tx",
            ["result"] = new JsonArray(new JsonObject
            {
                ["i"] = dataTrades.ToString(CultureInfo.InvariantCulture),
                ["t"] = now.ToUnixTimeSeconds(),
                ["tx"] = hash,
                ["d"] = token.Dex,
                ["ac"] = maker,
                ["tt"] = buy ? "buy" : "sell",
                ["s"] = decimal.Round(nativeUi, 9),
                ["u"] = decimal.Round(nativeUi * nativePrice, 8),
                ["q"] = decimal.Round(tokenUi, token.Asset.Decimals),
                ["p"] = token.Pair,
            }),
        }.ToJsonString();
        foreach (var session in targets)
        {
            session.Send(frame);
        }
    }

    /// <summary>Pushes a <c>pairInfo</c> update of each token's pool to the data connections subscribed to it (under the lock).</summary>
    private void PublishPairInfo(IEnumerable<DBotTokenSpec> tokens, DateTimeOffset now)
    {
        foreach (var token in tokens)
        {
            var targets = dataSockets.Open().Where(s => s.InfoPairs.Contains(token.Pair)).ToList();
            if (targets.Count == 0)
            {
                continue;
            }

            var price = prices[token.Asset.Contract];
            var frame = new JsonObject
            {
                ["type"] = "pairInfo",
                ["result"] = new JsonObject
                {
                    ["p"] = token.Pair,
                    ["tp"] = price,
                    ["pc24h"] = decimal.Round((price / token.Asset.StartPriceUsd) - 1m, 6),
                    ["t"] = now.ToUnixTimeMilliseconds(),
                },
            }.ToJsonString();
            foreach (var session in targets)
            {
                session.Send(frame);
            }
        }
    }
}
