namespace Engine.Simulator.Venues.DBot;

/// <summary>A tradable token: its chain, description, pool address and the DEX the pool is on.</summary>
internal sealed record DBotTokenSpec(string Chain, DBotAsset Asset, string Pair, string Dex);
