namespace Engine.Simulator.Venues.Toobit;

/// <summary>Who may call an endpoint (reference §1): public, API key only (USER_STREAM), or signed (TRADE, USER_DATA).</summary>
internal enum ToobitSecurity
{
    None,
    UserStream,
    Signed,
}
