namespace Engine.Host.Api;

/// <summary>The answer to <c>POST /api/strategies/{name}/stop</c> or <c>/start</c>.</summary>
public sealed record ApiStrategyResult(string Strategy, string Action, string Detail);
