using System.Collections.Immutable;

namespace Engine.Actors.Connections.Http;

/// <summary>
/// One HTTP request an HTTP venue's codec asks <see cref="HttpTransportActor"/> to send, exactly as it must go out
/// (the signature covers the raw query and body). <see cref="Key"/> comes back with the response: each response
/// answers its own request, so the key is the correlation. Immutable.
/// </summary>
/// <param name="Key">The correlation key.</param>
/// <param name="Method">GET, POST, PUT or DELETE.</param>
/// <param name="PathAndQuery">Path relative to the venue's base URL, with the raw query (<c>/api/v1/account?a=1</c>).</param>
/// <param name="ContentType">Content type of <paramref name="Body"/>; empty without a body.</param>
/// <param name="Body">The raw body; empty for none.</param>
/// <param name="Headers">Extra headers (the API key); never logged.</param>
public sealed record HttpTransportRequest(
    string Key,
    string Method,
    string PathAndQuery,
    string ContentType,
    ReadOnlyMemory<byte> Body,
    ImmutableArray<KeyValuePair<string, string>> Headers);
