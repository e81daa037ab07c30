namespace Engine.Host.Api;

/// <summary>
/// The body of <c>POST /api/halt</c>, <c>/api/resume</c> and <c>/api/reduce</c>: a login or a strategy (neither: the whole
/// engine), why, and for a halt whether to cancel the working orders (null: the configured default).
/// </summary>
public sealed record ApiStateCommand(string? Login = null, string? Strategy = null, string? Reason = null, bool? Cancel = null, string? By = null);
