namespace Engine.Host.Api;

/// <summary>The trading state of one scope (<c>engine</c>, <c>login:L</c>, <c>strategy:S</c>) and what last set it.</summary>
public sealed record ApiScope(string Scope, string State, decimal DailyPnl, string? ChangedBy, string? Cause, DateTimeOffset? ChangedAt);
