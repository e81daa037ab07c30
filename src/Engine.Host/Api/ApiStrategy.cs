namespace Engine.Host.Api;

/// <summary>One configured strategy.</summary>
public sealed record ApiStrategy(string Name, bool Enabled, bool Running, string TradingState, IReadOnlyList<string> Logins);
