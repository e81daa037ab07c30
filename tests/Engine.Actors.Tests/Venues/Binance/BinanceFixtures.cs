using System.Buffers;
using System.Text;
using Engine.Actors.Venues.Binance;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Tests.Venues.Binance;

/// <summary>The reference's keys and helpers shared by the Binance tests.</summary>
internal static class BinanceFixtures
{
    public const string Venue = "Binance";

    /// <summary>The docs' example HMAC key (reference §4.7).</summary>
    public const string DocApiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

    public const string DocSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    /// <summary>The docs' Ed25519 API key used in vectors E1 and E2.</summary>
    public const string Ed25519ApiKey = "4yNzx3yWC5bS6YTwEkSRaC0nRmSQIIStAUOh1b6kqaBrTLIhjCpI5lJH8q8R8WNO";

    /// <summary>RFC 8032 §7.1 TEST 1.</summary>
    public const string Rfc8032SeedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    public const string Rfc8032PublicHex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    public const string Rfc8032PemBody = "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g";

    public static string Rfc8032Pem => $"-----BEGIN PRIVATE KEY-----\n{Rfc8032PemBody}\n-----END PRIVATE KEY-----\n";

    public static readonly DateTimeOffset At = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static BinanceFrame Golden(string name) => BinanceCodec.Decode(GoldenFrames.Read(Venue, name), At);

    public static W.Response Response(string name) => Assert.IsType<W.Response>(Golden(name));

    public static W.Request DecodeRequest(ReadOnlySpan<byte> utf8) => Assert.IsType<W.Request>(BinanceCodec.Decode(utf8, At));

    public static string Text(ArrayBufferWriter<byte> buffer) => Encoding.UTF8.GetString(buffer.WrittenSpan);
}
