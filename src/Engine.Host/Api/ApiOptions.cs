using System.ComponentModel.DataAnnotations;
using Engine.Config;

namespace Engine.Host.Api;

/// <summary>
/// The <c>engine.api</c> section: where the control API, the dashboard, <c>/metrics</c> and the health endpoints are
/// served. Immutable; validated when bound.
/// </summary>
public sealed record ApiOptions : IValidatableOptions
{
    /// <summary>Serve the API while <c>engine run</c> runs.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The address to bind: an IP address or <c>localhost</c>. A non-loopback one requires a bearer token.</summary>
    [Required]
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The TCP port; 0 (the default) takes any free port, which <c>engine run</c> prints.</summary>
    [Range(0, 65535)]
    public int Port { get; init; }

    /// <summary>The environment variable holding the bearer token (never the token itself: it stays out of files and logs).</summary>
    [Required]
    public string TokenVariable { get; init; } = "ENGINE_API_TOKEN";

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (!ApiSecurity.IsAddress(Host))
        {
            yield return $"api.host: '{Host}' is not an IP address; expected one such as 127.0.0.1, ::1, 0.0.0.0 or the name localhost";
        }
    }
}
