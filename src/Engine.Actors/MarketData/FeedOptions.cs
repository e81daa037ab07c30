using System.ComponentModel.DataAnnotations;
using Engine.Config;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData;

/// <summary>
/// One market-data feed (one item of <c>engine.feeds</c>): public data of one venue, no login. Bound strictly from
/// HOCON (kebab-case keys) and validated at start-up. Immutable.
/// </summary>
public sealed record FeedOptions : IValidatableOptions
{
    /// <summary>Unique feed name; strategies subscribe by it; also the feed actor's name.</summary>
    [Required]
    public string Name { get; init; } = string.Empty;

    /// <summary>Venue whose streams the feed reads (<see cref="FeedVenues.Names"/>).</summary>
    [Required]
    public string Venue { get; init; } = string.Empty;

    /// <summary>False keeps the feed in the file without connecting it.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Stream base URL (Binance <c>wss://stream.binance.com:9443</c>); <c>sim://binance</c> is the in-process simulator,
    /// which the host rewrites to its loopback address.
    /// </summary>
    [Required]
    public Uri? Url { get; init; }

    /// <summary>REST base URL for book snapshots (Binance <c>https://api.binance.com</c>); null derives it from <see cref="Url"/> for the simulator only.</summary>
    public Uri? RestUrl { get; init; }

    /// <summary>
    /// The key a venue wants on the upgrade even for public data (DBot's data WebSocket: <c>X-API-KEY</c>); null for
    /// venues without one. Secret: from the environment (<c>api-key = ${?DBOT_API_KEY}</c>), never printed.
    /// </summary>
    [Secret]
    public string? ApiKey { get; init; }

    /// <summary>Symbols subscribed from the start, in the venue's spelling (Binance <c>BTCUSDT</c>); strategies may add more live.</summary>
    public IReadOnlyList<string> Symbols { get; init; } = [];

    /// <summary>What is subscribed for each of <see cref="Symbols"/> from the start.</summary>
    public IReadOnlyList<MarketDataKind> Channels { get; init; } = [MarketDataKind.Quotes];

    /// <summary>Candle interval of <see cref="MarketDataKind.Bars"/>, in the venue's spelling (Binance: 1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M).</summary>
    public string BarInterval { get; init; } = "1m";

    /// <summary>Levels asked for in a book snapshot (Binance: at most 5,000).</summary>
    [Range(1, 5000)]
    public int SnapshotDepth { get; init; } = 1000;

    /// <summary>Control messages (subscribe, unsubscribe) sent per second at most; Binance closes a socket over 5 incoming messages per second, pongs included.</summary>
    [Range(1, 100)]
    public int MaxControlMessagesPerSecond { get; init; } = 4;

    /// <summary>The socket is replaced after this age, before the venue's own cut (Binance: 24 h).</summary>
    public TimeSpan MaxConnectionAge { get; init; } = TimeSpan.FromHours(23);

    /// <summary>
    /// WebSocket ping frames are sent this often and a pong is expected within the same time, or the socket is dead
    /// and replaced (the venue's own pings are answered by the socket either way); zero turns them off.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// With streams subscribed, a socket without a data frame for this long is replaced; zero (the default) turns the
    /// check off: a quiet symbol can be silent for minutes, and a dead socket is found by <see cref="KeepAliveInterval"/>.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>How long a book snapshot request may take before it is asked again.</summary>
    public TimeSpan SnapshotTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First delay before reconnecting (and before recreating a crashed feed); doubles per attempt, with jitter.</summary>
    public TimeSpan ReconnectMinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between reconnect attempts.</summary>
    public TimeSpan ReconnectMaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Jitter: each delay is multiplied by 1 + random * this factor.</summary>
    [Range(0.0, 1.0)]
    public double ReconnectRandomFactor { get; init; } = 0.2;

    /// <summary>Trades and bars held per subscriber that has not caught up; past it the oldest are dropped and the subscriber is warned.</summary>
    [Range(1, 1_000_000)]
    public int SubscriberBuffer { get; init; } = 10_000;

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (!FeedVenues.Names.Contains(Venue))
        {
            yield return $"feed '{Name}': unknown venue '{Venue}'; expected one of: {string.Join(", ", FeedVenues.Names)}";
        }

        if (Url is null)
        {
            yield return $"feed '{Name}': url is required (the venue's stream base URL, or sim://<venue>)";
        }
        else if (Url.Scheme is not ("ws" or "wss" or "sim"))
        {
            yield return $"feed '{Name}': url {Url} must be a ws://, wss:// or sim:// URL";
        }

        if (RestUrl is { Scheme: not ("http" or "https") })
        {
            yield return $"feed '{Name}': rest-url {RestUrl} must be an http:// or https:// URL";
        }

        foreach (var symbol in Symbols.Where(s => string.IsNullOrWhiteSpace(s) || s.Trim() != s))
        {
            yield return $"feed '{Name}': symbol '{symbol}' must not be empty or padded with spaces";
        }

        if (Symbols.Count > 0 && Channels.Count == 0)
        {
            yield return $"feed '{Name}': symbols are listed but channels is empty; expected some of: quotes, trades, book, bars, ticker";
        }

        foreach (var channel in Channels.Where(c => FeedVenues.Names.Contains(Venue) && !FeedVenues.Carries(Venue, c)))
        {
            yield return $"feed '{Name}': channel '{channel}' is not carried by {Venue}'s feed; expected some of: {string.Join(", ", FeedVenues.Kinds(Venue))}";
        }

        if (Venue == FeedVenues.Binance && !Binance.BinanceFeedCodec.BarIntervals.Contains(BarInterval))
        {
            yield return $"feed '{Name}': bar-interval '{BarInterval}' is not a Binance kline interval; expected one of: {string.Join(" ", Binance.BinanceFeedCodec.BarIntervals)}";
        }

        if (Venue == FeedVenues.Toobit && !Toobit.ToobitFeedCodec.BarIntervals.Contains(BarInterval))
        {
            yield return $"feed '{Name}': bar-interval '{BarInterval}' is not a Toobit kline interval; expected one of: {string.Join(" ", Toobit.ToobitFeedCodec.BarIntervals)}";
        }

        if (Venue == FeedVenues.Toobit && KeepAliveInterval == TimeSpan.Zero)
        {
            yield return $"feed '{Name}': keep-alive-interval must be positive for Toobit (its quote socket closes without a ping; 20-30 s advised)";
        }

        foreach (var problem in MarketData.DBot.DBotFeedCodec.Validate(this))
        {
            yield return problem;
        }

        if (MaxConnectionAge <= TimeSpan.Zero)
        {
            yield return $"feed '{Name}': max-connection-age {MaxConnectionAge} must be positive";
        }

        if (KeepAliveInterval < TimeSpan.Zero)
        {
            yield return $"feed '{Name}': keep-alive-interval {KeepAliveInterval} must not be negative (zero turns it off)";
        }

        if (IdleTimeout < TimeSpan.Zero)
        {
            yield return $"feed '{Name}': idle-timeout {IdleTimeout} must not be negative (zero turns it off)";
        }

        if (SnapshotTimeout <= TimeSpan.Zero)
        {
            yield return $"feed '{Name}': snapshot-timeout {SnapshotTimeout} must be positive";
        }

        if (ReconnectMinBackoff <= TimeSpan.Zero)
        {
            yield return $"feed '{Name}': reconnect-min-backoff {ReconnectMinBackoff} must be positive";
        }

        if (ReconnectMaxBackoff < ReconnectMinBackoff)
        {
            yield return $"feed '{Name}': reconnect-max-backoff {ReconnectMaxBackoff} must be at least reconnect-min-backoff {ReconnectMinBackoff}";
        }
    }

    /// <summary>Prints every member but <see cref="ApiKey"/>, which prints as <c>***</c> when set.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"Name = {Name}, Venue = {Venue}, Enabled = {Enabled}, Url = {Url}, RestUrl = {RestUrl}, ApiKey = {(ApiKey is null ? "null" : "***")}, ");
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"Symbols = [{string.Join(", ", Symbols)}], Channels = [{string.Join(", ", Channels)}], BarInterval = {BarInterval}, SnapshotDepth = {SnapshotDepth}, ");
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"MaxControlMessagesPerSecond = {MaxControlMessagesPerSecond}, MaxConnectionAge = {MaxConnectionAge}, KeepAliveInterval = {KeepAliveInterval}, IdleTimeout = {IdleTimeout}, ");
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"SnapshotTimeout = {SnapshotTimeout}, ReconnectMinBackoff = {ReconnectMinBackoff}, ReconnectMaxBackoff = {ReconnectMaxBackoff}, ReconnectRandomFactor = {ReconnectRandomFactor}, SubscriberBuffer = {SubscriberBuffer}");
        return true;
    }
}
