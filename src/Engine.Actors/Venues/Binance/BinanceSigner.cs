using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Venues.Binance;

/// <summary>
/// Signs Binance requests with one API key: HMAC-SHA256 (lower-case hex) or Ed25519 (base64). The payload is
/// every param but <c>signature</c>, ordinal-sorted, as raw UTF-8 <c>name=value</c> joined by <c>&amp;</c>, with no
/// percent-encoding (<see cref="Payload"/>). The key material never leaves this object: <see cref="ToString"/>
/// prints only the key type and the API key. Immutable and thread-safe (a new Ed25519 signer per call).
/// </summary>
public sealed class BinanceSigner
{
    private static readonly byte[] Ed25519Pkcs8Prefix = Convert.FromHexString("302e020100300506032b657004220420");

    private readonly byte[]? _hmacKey;
    private readonly Ed25519PrivateKeyParameters? _ed25519;

    private BinanceSigner(string apiKey, byte[]? hmacKey, Ed25519PrivateKeyParameters? ed25519)
    {
        ApiKey = apiKey;
        _hmacKey = hmacKey;
        _ed25519 = ed25519;
    }

    /// <summary>The API key (public; sent as <c>apiKey</c>).</summary>
    public string ApiKey { get; }

    /// <summary>How this signer signs.</summary>
    public BinanceKeyType KeyType => _ed25519 is null ? BinanceKeyType.Hmac : BinanceKeyType.Ed25519;

    /// <summary>An HMAC-SHA256 signer keyed with the UTF-8 bytes of <paramref name="secret"/>.</summary>
    public static BinanceSigner Hmac(string apiKey, string secret) => new(apiKey, Encoding.UTF8.GetBytes(secret), null);

    /// <summary>An Ed25519 signer from the 32-byte private seed.</summary>
    public static BinanceSigner Ed25519(string apiKey, ReadOnlySpan<byte> seed)
    {
        if (seed.Length != Ed25519PrivateKeyParameters.KeySize)
        {
            throw new ArgumentException($"an Ed25519 private seed has {Ed25519PrivateKeyParameters.KeySize} bytes, not {seed.Length}", nameof(seed));
        }

        return new(apiKey, null, new Ed25519PrivateKeyParameters(seed.ToArray(), 0));
    }

    /// <summary>
    /// An Ed25519 signer from text: a PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>), the base64 of the PKCS#8
    /// DER, or the base64 (or hex) of the raw 32-byte seed. The error never quotes the key text.
    /// </summary>
    public static Mapped<BinanceSigner> Ed25519FromText(string apiKey, string keyText)
    {
        var text = keyText.Trim();
        byte[] bytes;
        try
        {
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                if (!text.Contains("-----BEGIN PRIVATE KEY-----", StringComparison.Ordinal))
                {
                    return new(null, "the Ed25519 key must be an unencrypted PKCS#8 PEM (BEGIN PRIVATE KEY)");
                }

                var body = text.Split('\n')
                    .Select(l => l.Trim())
                    .Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal));
                bytes = Convert.FromBase64String(string.Concat(body));
            }
            else
            {
                bytes = text.Length == 64 && text.All(Uri.IsHexDigit) ? Convert.FromHexString(text) : Convert.FromBase64String(text);
            }
        }
        catch (FormatException)
        {
            return new(null, "the Ed25519 key is neither a PKCS#8 PEM nor base64 or hex of the 32-byte seed");
        }

        if (bytes.Length == Ed25519PrivateKeyParameters.KeySize)
        {
            return new(Ed25519(apiKey, bytes), null);
        }

        return FromPkcs8(apiKey, bytes);
    }

    /// <summary>
    /// The signature payload: every param but <c>signature</c>, sorted by name with <see cref="StringComparer.Ordinal"/>,
    /// written <c>name=value</c> with raw values and joined by <c>&amp;</c>.
    /// </summary>
    public static string Payload(IEnumerable<W.Param> parameters) => string.Join(
        '&',
        parameters.Where(p => p.Name != "signature").OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"));

    /// <summary>Signs the UTF-8 bytes of <paramref name="payload"/>: lower-case hex for HMAC, base64 for Ed25519.</summary>
    public string Sign(string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        if (_ed25519 is null)
        {
            return Convert.ToHexStringLower(HMACSHA256.HashData(_hmacKey!, bytes));
        }

        var signer = new Ed25519Signer();
        signer.Init(true, _ed25519);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return Convert.ToBase64String(signer.GenerateSignature());
    }

    /// <summary>The Ed25519 public key (base64 of the 32 raw bytes) for registering the key; null for HMAC.</summary>
    public string? PublicKeyBase64 => _ed25519 is null ? null : Convert.ToBase64String(_ed25519.GeneratePublicKey().GetEncoded());

    /// <summary>Key type and API key only; the secret or private key prints as <c>***</c>.</summary>
    public override string ToString() => $"BinanceSigner {{ KeyType = {KeyType}, ApiKey = {ApiKey}, Key = *** }}";

    private static Mapped<BinanceSigner> FromPkcs8(string apiKey, byte[] der)
    {
        if (der.Length == Ed25519Pkcs8Prefix.Length + Ed25519PrivateKeyParameters.KeySize && der.AsSpan().StartsWith(Ed25519Pkcs8Prefix))
        {
            return new(Ed25519(apiKey, der.AsSpan(Ed25519Pkcs8Prefix.Length)), null);
        }

        try
        {
            return PrivateKeyFactory.CreateKey(der) is Ed25519PrivateKeyParameters key
                ? new(new BinanceSigner(apiKey, null, key), null)
                : new(null, "the PKCS#8 key is not an Ed25519 key");
        }
        catch (Exception)
        {
            return new(null, "the PKCS#8 key could not be read as an Ed25519 key");
        }
    }
}
