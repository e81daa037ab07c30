namespace Engine.Actors.Connections.Http;

/// <summary>
/// What came back for one <see cref="HttpTransportRequest"/>: the status, <c>Retry-After</c> and the raw body; or,
/// when no HTTP answer arrived at all (connection refused or reset, timeout), <see cref="Failure"/> and status 0.
/// A failure is "outcome unknown", never a refusal. Immutable.
/// </summary>
/// <param name="Key">The request's correlation key.</param>
/// <param name="Status">HTTP status; 0 with <paramref name="Failure"/>.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header, when sent.</param>
/// <param name="Body">The raw body.</param>
/// <param name="Failure">Why no answer came; null when one did.</param>
public sealed record HttpTransportResponse(string Key, int Status, TimeSpan? RetryAfter, ReadOnlyMemory<byte> Body, string? Failure);
