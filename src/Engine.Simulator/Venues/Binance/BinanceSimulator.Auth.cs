using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Simulator.Accounts;

namespace Engine.Simulator.Venues.Binance;

/// <summary>Signed requests (§4.1–§4.3), timing security (§4.2) and session authentication (§4.4). Called under the lock.</summary>
public sealed partial class BinanceSimulator
{
    private const decimal MaxRecvWindow = 60_000m;

    /// <summary>
    /// The account a SIGNED request acts for: its own <c>apiKey</c> + <c>signature</c> (ad hoc, even on a logged-on
    /// session) or the logged-on key. Checks the key, the signature and then the timestamp.
    /// </summary>
    private SimAccount Authenticate(BinanceRequest request, bool requireSignature = false)
    {
        if (request.Has("signature"))
        {
            var account = VerifySignature(request);
            CheckTimestamp(request);
            return account;
        }

        if (request.Session.LoggedOn is { } loggedOn && !requireSignature)
        {
            CheckTimestamp(request);
            return loggedOn;
        }

        throw BinanceRequestException.Mandatory(request.Has("apiKey") ? "signature" : "apiKey");
    }

    private SimAccount VerifySignature(BinanceRequest request)
    {
        var apiKey = request.String("apiKey") ?? throw BinanceRequestException.Mandatory("apiKey");
        if (apiKey.Length == 0 || !apiKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new BinanceRequestException(400, -2014, "API-key format invalid.");
        }

        var account = accountsByKey.GetValueOrDefault(apiKey) ?? throw BinanceRequestException.InvalidKey();
        if (!request.Params.TryGetProperty("signature", out var s) || s.ValueKind != JsonValueKind.String)
        {
            throw BinanceRequestException.Mandatory("signature");
        }

        var signature = s.GetString()!;
        if (!Verifies(account, BinanceSignature.Payload(request.Params), signature)
            && !(percentEncoded && Verifies(account, BinanceSignature.Payload(request.Params, percentEncode: true), signature)))
        {
            throw BinanceRequestException.BadSignature();
        }

        return account;
    }

    private bool Verifies(SimAccount account, string payload, string signature) =>
        ed25519Keys.TryGetValue(account.ApiKey, out var publicKey)
            ? BinanceSignature.VerifyEd25519(publicKey, payload, signature)
            : BinanceSignature.VerifyHmac(account.Secret, payload, signature);

    /// <summary>§4.2: <c>timestamp &lt; serverTime + 1000</c> and <c>serverTime - timestamp &lt;= recvWindow</c>; microsecond timestamps accepted.</summary>
    private static void CheckTimestamp(BinanceRequest request)
    {
        var raw = request.String("timestamp");
        if (raw is null || !decimal.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            throw BinanceRequestException.Mandatory("timestamp");
        }

        if (timestamp >= 100_000_000_000_000m)
        {
            timestamp /= 1000m;
        }

        var recvWindow = 5_000m;
        if (request.String("recvWindow") is { } window)
        {
            if (!decimal.TryParse(window, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out recvWindow) || recvWindow <= 0m || recvWindow > MaxRecvWindow || decimal.Round(recvWindow, 3) != recvWindow)
            {
                throw new BinanceRequestException(400, -1131, "recvWindow must be less than 60000");
            }
        }

        decimal serverTime = request.Now.ToUnixTimeMilliseconds();
        if (timestamp >= serverTime + 1000m)
        {
            throw new BinanceRequestException(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        }

        if (serverTime - timestamp > recvWindow)
        {
            throw new BinanceRequestException(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
    }

    /// <summary>§4.4: Ed25519 keys only; an HMAC key fails like a bad signature (third-party report; the real code is unverified).</summary>
    private BinanceOutcome SessionLogon(BinanceRequest request)
    {
        if (!request.Has("signature"))
        {
            throw BinanceRequestException.Mandatory(request.Has("apiKey") ? "signature" : "apiKey");
        }

        var account = VerifySignature(request);
        if (!ed25519Keys.ContainsKey(account.ApiKey))
        {
            throw BinanceRequestException.BadSignature();
        }

        CheckTimestamp(request);
        request.Session.LoggedOn = account;
        request.Session.AuthorizedSince = request.Now;
        return new BinanceOutcome(SessionStatus(request.Session, request.Now));
    }

    private static BinanceOutcome SessionLogout(BinanceRequest request)
    {
        var frames = Logout(request.Session, request.Now);
        return new BinanceOutcome(SessionStatus(request.Session, request.Now), [], frames);
    }

    /// <summary>Forgets the logged-on key and ends its logon-based subscriptions; returns their <c>eventStreamTerminated</c> frames.</summary>
    private static List<string> Logout(BinanceSession session, DateTimeOffset now)
    {
        var frames = new List<string>();
        foreach (var subscriptionId in session.Subscriptions.Where(s => s.Value.ViaLogon).Select(s => s.Key).ToList())
        {
            session.Subscriptions.Remove(subscriptionId);
            frames.Add(Terminated(session, subscriptionId, now));
        }

        session.LoggedOn = null;
        session.AuthorizedSince = null;
        return frames;
    }

    private static JsonObject SessionStatus(BinanceSession session, DateTimeOffset now) => new()
    {
        ["apiKey"] = session.LoggedOn?.ApiKey,
        ["authorizedSince"] = session.AuthorizedSince is { } since ? session.Time(since) : null,
        ["connectedSince"] = session.Time(session.ConnectedAt),
        ["returnRateLimits"] = session.ReturnRateLimits,
        ["serverTime"] = session.Time(now),
        ["userDataStream"] = session.Subscriptions.Count > 0,
    };

    private static string Terminated(BinanceSession session, int subscriptionId, DateTimeOffset now) =>
        BinanceJson.Event(subscriptionId, new JsonObject { ["e"] = "eventStreamTerminated", ["E"] = session.Time(now) });
}
