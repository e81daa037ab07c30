using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.DBot;

/// <summary>One <c>tradeResultNotify</c> for an account: its filter type (<c>follow_buy_success</c>, ...) and body.</summary>
internal sealed record DBotNotice(string AccountId, string TradeType, JsonObject Result);
