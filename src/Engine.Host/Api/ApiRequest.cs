namespace Engine.Host.Api;

/// <summary>What <see cref="ApiSecurity.Check"/> looks at in a request.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Host">The Host header (with its port).</param>
/// <param name="Origin">The Origin header; null when absent.</param>
/// <param name="ContentType">The Content-Type header; null when absent.</param>
/// <param name="Authorization">The Authorization header; null when absent.</param>
/// <param name="AccessToken">The <c>access_token</c> query parameter (the dashboard's event stream, which cannot send headers).</param>
/// <param name="NeedsToken">Whether the path is protected by the token (the API and metrics; not the health checks or the page).</param>
public sealed record ApiRequest(string Method, string? Host, string? Origin, string? ContentType, string? Authorization, string? AccessToken, bool NeedsToken);
