using System.Security.Cryptography;
using System.Text;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>
/// Verifies a Toobit HMAC-SHA256 signature on the raw bytes received (reference §5, §10.2): the <c>signature=…</c>
/// pair is cut out of whichever part holds it, the rest is kept in its original order and encoding, and the query is
/// followed by the form body with no separator. A JSON body is never signed. Pure and thread-safe.
/// </summary>
internal static class ToobitSignature
{
    /// <summary>The signature sent, or null when neither part carries one.</summary>
    public static string? Find(string rawQuery, string rawBody, bool jsonBody)
    {
        return Extract(rawQuery).Signature ?? (jsonBody ? null : Extract(rawBody).Signature);
    }

    /// <summary>True when <paramref name="signature"/> (hex, any case) is the HMAC of what was sent.</summary>
    public static bool Verify(string secret, string rawQuery, string rawBody, bool jsonBody, bool acceptJsonBodyVariant)
    {
        var (query, inQuery) = Extract(rawQuery);
        var (body, inBody) = jsonBody ? (rawBody, null) : Extract(rawBody);
        var signature = inQuery ?? inBody;
        if (signature is null)
        {
            return false;
        }

        if (Matches(secret, jsonBody ? query : query + body, signature))
        {
            return true;
        }

        return jsonBody && acceptJsonBodyVariant && Matches(secret, rawBody + query, signature);
    }

    /// <summary>Lowercase hex HMAC-SHA256 of <paramref name="payload"/> under <paramref name="secret"/> (UTF-8 both).</summary>
    public static string Sign(string secret, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));

    private static bool Matches(string secret, string payload, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(secret, payload));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The part without its <c>signature</c> pair, and the pair's value.</summary>
    private static (string Remainder, string? Signature) Extract(string part)
    {
        if (part.Length == 0)
        {
            return (part, null);
        }

        var pairs = part.Split('&');
        var index = Array.FindIndex(pairs, p => p.StartsWith("signature=", StringComparison.Ordinal));
        if (index < 0)
        {
            return (part, null);
        }

        var value = pairs[index]["signature=".Length..];
        var rest = string.Join('&', pairs.Where((_, i) => i != index));
        return (rest, value);
    }
}
