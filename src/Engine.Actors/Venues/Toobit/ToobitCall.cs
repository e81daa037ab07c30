using System.Collections.Immutable;

namespace Engine.Actors.Venues.Toobit;

/// <summary>
/// One REST call before signing: method, path, the weight key (<see cref="ToobitOptions.WeightOf"/>), parameters in
/// sending order, whether it is signed, and a JSON body (batch orders: the parameters and the signature then go in the
/// query and the body is not signed). Immutable.
/// </summary>
public sealed record ToobitCall(string Method, string Path, string WeightKey, ImmutableArray<KeyValuePair<string, string>> Parameters, bool IsSigned = true, string? JsonBody = null)
{
    /// <summary>The operation name in logs, deadlines and fault rules: <c>"POST /api/v1/spot/order"</c>.</summary>
    public string Operation => Method + " " + Path;
}
