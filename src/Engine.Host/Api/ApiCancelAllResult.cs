namespace Engine.Host.Api;

/// <summary>The answer to <c>POST /api/logins/{name}/cancel-all</c>: the cancel was sent for the working orders counted.</summary>
public sealed record ApiCancelAllResult(string Login, int WorkingOrders, string Detail);
