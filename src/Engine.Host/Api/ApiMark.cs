namespace Engine.Host.Api;

/// <summary>The risk engine's mark of one symbol of one login.</summary>
public sealed record ApiMark(string Login, string Symbol, decimal Price);
