using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Engine.Simulator.Venues.Binance;

/// <summary>
/// Request signatures of the Binance WebSocket API (reference §4.3): the payload is every param except
/// <c>signature</c>, sorted ordinally by name, written <c>name=value</c> and joined with <c>&amp;</c>; string
/// values are the decoded JSON strings, numbers and booleans their raw token text. Pure and thread-safe.
/// </summary>
public static class BinanceSignature
{
    /// <summary>Signature payload of <paramref name="parameters"/> (a JSON object); <paramref name="percentEncode"/> applies <c>encodeURIComponent</c> to each value.</summary>
    public static string Payload(JsonElement parameters, bool percentEncode = false)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (parameters.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in parameters.EnumerateObject())
            {
                if (p.Name != "signature")
                {
                    pairs.Add(new(p.Name, ValueText(p.Value)));
                }
            }
        }

        pairs.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return string.Join('&', pairs.Select(p => p.Key + "=" + (percentEncode ? EncodeUriComponent(p.Value) : p.Value)));
    }

    /// <summary>Text a JSON value contributes to the payload.</summary>
    public static string ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };

    /// <summary>Lower-case hex HMAC-SHA256 of <paramref name="payload"/> keyed with <paramref name="secret"/>.</summary>
    public static string Hmac(string secret, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));

    /// <summary>True when <paramref name="signature"/> is the hex HMAC of <paramref name="payload"/> (case-insensitive, constant time).</summary>
    public static bool VerifyHmac(string secret, string payload, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Hmac(secret, payload));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>Base64 Ed25519 signature of <paramref name="payload"/> with a 32-byte private seed (tests and demos).</summary>
    public static string SignEd25519(ReadOnlySpan<byte> seed, string payload)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, new Ed25519PrivateKeyParameters(seed.ToArray(), 0));
        var bytes = Encoding.UTF8.GetBytes(payload);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return Convert.ToBase64String(signer.GenerateSignature());
    }

    /// <summary>True when <paramref name="signature"/> (base64) is a valid Ed25519 signature of <paramref name="payload"/> by <paramref name="publicKey"/>.</summary>
    public static bool VerifyEd25519(ReadOnlySpan<byte> publicKey, string payload, string signature)
    {
        var raw = new byte[64];
        if (publicKey.Length != 32 || !Convert.TryFromBase64String(signature, raw, out var written) || written != 64)
        {
            return false;
        }

        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(publicKey.ToArray(), 0));
        var bytes = Encoding.UTF8.GetBytes(payload);
        verifier.BlockUpdate(bytes, 0, bytes.Length);
        return verifier.VerifySignature(raw);
    }

    /// <summary>
    /// The 32 raw bytes of an Ed25519 public key given as 64 hex characters, base64 of the raw bytes, or a PEM
    /// <c>PUBLIC KEY</c> (SubjectPublicKeyInfo); null when the text is none of these.
    /// </summary>
    public static byte[]? ParsePublicKey(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 64 && trimmed.All(char.IsAsciiHexDigit))
        {
            return Convert.FromHexString(trimmed);
        }

        var body = trimmed.Replace("-----BEGIN PUBLIC KEY-----", string.Empty, StringComparison.Ordinal)
            .Replace("-----END PUBLIC KEY-----", string.Empty, StringComparison.Ordinal);
        body = string.Concat(body.Where(c => !char.IsWhiteSpace(c)));
        var buffer = new byte[body.Length];
        if (!Convert.TryFromBase64String(body, buffer, out var length))
        {
            return null;
        }

        // A DER SubjectPublicKeyInfo for Ed25519 is a 12-byte header followed by the 32-byte key.
        return length switch
        {
            32 => buffer[..32],
            44 => buffer[12..44],
            _ => null,
        };
    }

    /// <summary>JavaScript <c>encodeURIComponent</c>: UTF-8 bytes outside <c>A-Z a-z 0-9 - _ . ! ~ * ' ( )</c> become <c>%XX</c>.</summary>
    public static string EncodeUriComponent(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "-_.!~*'()".Contains(c, StringComparison.Ordinal))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
