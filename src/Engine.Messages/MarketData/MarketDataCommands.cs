using Engine.Messages.Identifiers;

namespace Engine.Messages.MarketData;

// One family per file (STYLE §1): what a subscriber says to the feeds and what it hears back.

/// <summary>
/// Starts delivery of <paramref name="Kind"/> for <paramref name="Symbol"/> from <paramref name="Feed"/> to the sender.
/// Answered with <see cref="MarketDataSubscribed"/> or <see cref="MarketDataSubscriptionRejected"/>. Subscribing twice
/// is harmless. The feed subscribes the venue stream live when it is not already open.
/// </summary>
public sealed record SubscribeMarketData(FeedId Feed, Symbol Symbol, MarketDataKind Kind);

/// <summary>Stops delivery of <paramref name="Kind"/> for <paramref name="Symbol"/> to the sender; the feed drops the venue stream when nobody needs it any more.</summary>
public sealed record UnsubscribeMarketData(FeedId Feed, Symbol Symbol, MarketDataKind Kind);

/// <summary>The subscription is in place; events follow.</summary>
public sealed record MarketDataSubscribed(FeedId Feed, Symbol Symbol, MarketDataKind Kind);

/// <summary>The subscription was refused: <paramref name="Reason"/> names what was wrong and what was expected.</summary>
public sealed record MarketDataSubscriptionRejected(FeedId Feed, Symbol Symbol, MarketDataKind Kind, string Reason);

/// <summary>
/// The subscriber's acknowledgement of one delivered event: the feed sends the next one only after it. A strategy's
/// base class sends it after its hook returns, so a slow strategy never builds an unbounded mailbox.
/// </summary>
public sealed record MarketDataDelivered
{
    /// <summary>The only instance.</summary>
    public static readonly MarketDataDelivered Instance = new();

    private MarketDataDelivered()
    {
    }
}

/// <summary>
/// To a subscriber that fell behind: <paramref name="Dropped"/> trades or bars of <paramref name="Symbol"/> were
/// dropped from its full buffer (oldest first) since the last warning.
/// </summary>
public sealed record MarketDataOverflow(FeedId Feed, Symbol Symbol, MarketDataKind Kind, long Dropped);
