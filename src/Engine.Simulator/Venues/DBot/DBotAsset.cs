namespace Engine.Simulator.Venues.DBot;

/// <summary>A token as trade results describe it (<c>send.info</c> / <c>receive.info</c>) with its starting USD price.</summary>
internal sealed record DBotAsset(string Contract, string Name, string Symbol, int Decimals, decimal StartPriceUsd);
