using System.Text.Json;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>login, logout and the per-token state machine (§3.3, §3.4, §4).</summary>
public sealed partial class QuantGatewaySimulator
{
    private void Login(QuantSession session, JsonElement root, JsonElement? cid)
    {
        var platform = Required(root, "platform");
        var symbols = Required(root, "symbols");
        var accessKey = Required(root, "access_key");
        var secretKey = Required(root, "secret_key");
        if (accessKey.ValueKind != JsonValueKind.String)
        {
            throw new QuantFieldException($"can only concatenate str (not \"{QuantFrames.PythonType(accessKey)}\") to str");
        }

        var platformText = platform.ValueKind == JsonValueKind.String ? platform.GetString()! : platform.GetRawText();
        var accountKey = accessKey.GetString() + "@" + platformText;
        if (registry.IsLoggedIn(accountKey))
        {
            var duplicate = QuantFrames.StartReply(venue.PythonJson, "login", cid, false, "Do not log in repeat").Name("token").String(string.Empty).EndObject().ToFrame();
            Reply(session, "login", duplicate);
            return;
        }

        var symbolList = symbols.ValueKind == JsonValueKind.Array
            ? symbols.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.String ? s.GetString()! : s.GetRawText()).ToList()
            : [];
        var login = new QuantLogin
        {
            Token = NewToken(),
            AccountKey = accountKey,
            Platform = platformText,
            Symbols = symbolList,
            Session = session,
            Echoes = quirks.DuplicateAfterRelogin ? registry.EndedCount(accountKey) : 0,
        };
        registry.Add(login);

        var secret = secretKey.ValueKind == JsonValueKind.String ? secretKey.GetString()! : string.Empty;
        var fatal = FatalReason(platformText, accessKey.GetString()!, secret, symbols, symbolList);
        var reply = QuantFrames.StartReply(venue.PythonJson, "login", cid, true, string.Empty).Name("token").String(login.Token).EndObject().ToFrame();
        if (fatal is not null)
        {
            login.Fatal = true;
            SendState(login, 1, fatal);
            Reply(session, "login", reply);
            return;
        }

        Reply(session, "login", reply);
        if (platformText == QuantPlatforms.Ftx)
        {
            SendState(login, 3, StateMessage(platformText, 3));
            return;
        }

        SendState(login, 2, StateMessage(platformText, 2));
        var account = engine.Account(options.Accounts.FirstOrDefault(a => a.ApiKey == accessKey.GetString())?.Id ?? string.Empty);
        if (account is null || !account.SecretMatches(secret))
        {
            SendState(login, 7, "Websocket connection authorized failed: {'code': 2002, 'message': 'invalid.auth.state'}");
            return;
        }

        login.Account = account;
        if (!symbolList.All(s => QuantPlatforms.Lists(platformText, s)))
        {
            return;
        }

        SendInitialData(login);
        if (venue.ReadyDelay <= TimeSpan.Zero)
        {
            SendState(login, 6, StateMessage(platformText, 6));
            return;
        }

        ITimer? timer = null;
        timer = time.CreateTimer(
            _ =>
            {
                lock (gate)
                {
                    if (login.Active && login.StateCode == 2)
                    {
                        SendState(login, 6, StateMessage(login.Platform, 6));
                    }
                }

                timer?.Dispose();
            },
            null,
            venue.ReadyDelay,
            Timeout.InfiniteTimeSpan);
    }

    private static string? FatalReason(string platform, string accessKey, string secret, JsonElement symbols, List<string> symbolList)
    {
        if (platform is not (QuantPlatforms.Huobi or QuantPlatforms.HuobiFuture or QuantPlatforms.Okex or QuantPlatforms.Ftx))
        {
            return "platform not found";
        }

        if (platform == QuantPlatforms.Okex)
        {
            return "param access_key or secret_key or passphrase miss";
        }

        if (accessKey.Length == 0 || secret.Length == 0)
        {
            return "param access_key or secret_key miss";
        }

        if (symbols.ValueKind != JsonValueKind.Array || symbolList.Count == 0)
        {
            return "param symbols miss";
        }

        return platform == QuantPlatforms.Huobi && !symbolList.All(s => QuantPlatforms.Lists(platform, s)) ? "symbols not found" : null;
    }

    private void Logout(QuantSession session, JsonElement root, JsonElement? cid)
    {
        var login = FindLogin(session, Required(root, "token"));
        if (login is null)
        {
            Reply(session, "logout", QuantFrames.Reply(venue.PythonJson, "logout", cid, false, "Invalid token"));
            return;
        }

        registry.Remove(login);
        if (login.Session != session)
        {
            throw QuantFieldException.Missing(login.Token);
        }

        Reply(session, "logout", QuantFrames.Reply(venue.PythonJson, "logout", cid, true, string.Empty));
    }

    private QuantLogin? FindLogin(QuantSession session, JsonElement token)
    {
        var login = token.ValueKind == JsonValueKind.String ? registry.Find(token.GetString()!) : null;
        return login is null || (venue.ConnectionScopedTokens && login.Session != session) ? null : login;
    }

    /// <summary>Asset, open orders and (futures) open positions, as the gateway pushes them while it initialises.</summary>
    private void SendInitialData(QuantLogin login)
    {
        if (login.Account is null)
        {
            return;
        }

        PushAsset(login);
        foreach (var symbol in login.Symbols)
        {
            foreach (var order in engine.OpenOrders(login.Account.Id, symbol))
            {
                Push(login, "order", NotificationRenderer.Order(StartNotify(login, "order"), order, login.IsFutures, true));
            }

            if (login.IsFutures)
            {
                var position = engine.Position(login.Account.Id, symbol, market.Mid(symbol) ?? 0m);
                if (!position.IsFlat)
                {
                    Push(login, "position", NotificationRenderer.Position(StartNotify(login, "position"), position, symbol));
                }
            }
        }
    }

    private void SendState(QuantLogin login, int code, string message)
    {
        login.StateCode = code;
        var frame = QuantFrames.State(venue.PythonJson, login.Token, code, message);
        for (var i = 0; i <= login.Echoes; i++)
        {
            login.Session.Send(frame);
        }
    }

    private string NewToken()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
