namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>
/// Live logins by token and by account key (<c>access_key@platform</c>), server-wide. Also remembers how many
/// logins of each account key ended (for the duplicate-after-relogin quirk). Used only under the simulator's lock.
/// </summary>
internal sealed class TokenRegistry
{
    private readonly Dictionary<string, QuantLogin> byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QuantLogin> byAccountKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> ended = new(StringComparer.Ordinal);

    /// <summary>Every live login; enumerable without allocating (the routing of matching events walks it per event).</summary>
    public Dictionary<string, QuantLogin>.ValueCollection All => byToken.Values;

    public bool IsLoggedIn(string accountKey) => byAccountKey.ContainsKey(accountKey);

    public QuantLogin? Find(string token) => byToken.GetValueOrDefault(token);

    public int EndedCount(string accountKey) => ended.GetValueOrDefault(accountKey);

    public void Add(QuantLogin login)
    {
        byToken[login.Token] = login;
        byAccountKey[login.AccountKey] = login;
    }

    public void Remove(QuantLogin login)
    {
        login.Active = false;
        byToken.Remove(login.Token);
        byAccountKey.Remove(login.AccountKey);
        ended[login.AccountKey] = EndedCount(login.AccountKey) + 1;
    }

    public IReadOnlyList<QuantLogin> OfSession(QuantSession session) => byToken.Values.Where(l => l.Session == session).ToList();
}
