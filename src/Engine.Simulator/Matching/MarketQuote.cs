namespace Engine.Simulator.Matching;

/// <summary>
/// Snapshot of synthetic liquidity for one symbol. Bids are best (highest) first, asks best (lowest) first.
/// The levels are the counterparty of every incoming order and are not depleted by it: each order sees the
/// full snapshot it was given.
/// </summary>
/// <param name="Symbol">Symbol the quote is for.</param>
/// <param name="Mid">Mid price; also the mark price for unrealised PnL.</param>
/// <param name="Bids">Buy levels, best first.</param>
/// <param name="Asks">Sell levels, best first.</param>
public sealed record MarketQuote(string Symbol, decimal Mid, IReadOnlyList<PriceLevel> Bids, IReadOnlyList<PriceLevel> Asks);
