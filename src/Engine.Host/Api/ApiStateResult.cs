namespace Engine.Host.Api;

/// <summary>The answer to a state command: the scope, its state before and after, and whether anything changed.</summary>
public sealed record ApiStateResult(string Scope, string From, string To, bool Changed, string By, string Cause, bool CancelWorkingOrders);
