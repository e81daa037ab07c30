using System.Security.Cryptography;
using System.Text;

namespace Engine.Actors.Venues.Toobit;

/// <summary>
/// Signs Toobit requests (reference §5): <c>signature = lowercase hex(HMAC-SHA256(secret, rawQuery + rawFormBody))</c>,
/// the two parts exactly as sent and concatenated with no separator; a JSON body is never part of it. The secret never
/// leaves this object (<see cref="ToString"/> prints the API key only). Immutable and thread-safe.
/// </summary>
public sealed class ToobitSigner
{
    private readonly byte[] _key;

    /// <summary>A signer for <paramref name="apiKey"/> keyed with the UTF-8 bytes of <paramref name="secret"/>.</summary>
    public ToobitSigner(string apiKey, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ApiKey = apiKey;
        _key = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>The API key (public; sent as <c>X-BB-APIKEY</c>).</summary>
    public string ApiKey { get; }

    /// <summary>The signature of a request whose raw query (without <c>?</c>) and raw form body are given; pass an empty body for a JSON one.</summary>
    public string Sign(string rawQuery, string rawFormBody) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(rawQuery + rawFormBody)));

    /// <summary><c>name=value</c> pairs joined by <c>&amp;</c>, each part percent-encoded (RFC 3986 unreserved kept), in the given order.</summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    /// <summary>
    /// The raw query and body of a signed request as the reference clients send it (§5.2, ccxt): GET carries every
    /// parameter and the signature in the query; other methods carry them in the form body with <c>signature</c> last.
    /// </summary>
    public (string Query, string Body) SignedParts(string method, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var encoded = Encode(parameters);
        if (method == "GET")
        {
            var signature = Sign(encoded, string.Empty);
            return ((encoded.Length > 0 ? encoded + "&" : string.Empty) + "signature=" + signature, string.Empty);
        }

        var bodySignature = Sign(string.Empty, encoded);
        return (string.Empty, (encoded.Length > 0 ? encoded + "&" : string.Empty) + "signature=" + bodySignature);
    }

    /// <inheritdoc />
    public override string ToString() => $"ToobitSigner {{ ApiKey = {ApiKey}, Secret = *** }}";
}
