using System.Diagnostics;
using System.Threading.Channels;
using System.Runtime.CompilerServices;
using Akka.Actor;
using Engine.Messages.MarketData;

namespace Engine.Bench.MarketData;

/// <summary>
/// Plays a strategy subscribed to one feed: subscribes at start, acknowledges every event as the strategy base class
/// does after its hook, and writes each event it is handed with the <see cref="Stopwatch"/> timestamp of that moment
/// (its <c>OnQuote</c>/<c>OnTrade</c> moment) to <paramref name="arrivals"/>; counts the drops a feed reports.
/// </summary>
public sealed class FeedBenchSubscriber : ReceiveActor
{
    /// <summary>Created by <see cref="Props"/>.</summary>
    public FeedBenchSubscriber(IActorRef feeds, SubscribeMarketData subscribe, ChannelWriter<(long At, IMarketDataEvent Event)> arrivals, TaskCompletionSource subscribed, StrongBox<long> dropped)
    {
        Receive<MarketDataSubscribed>(_ => subscribed.TrySetResult());
        Receive<MarketDataSubscriptionRejected>(r => subscribed.TrySetException(new InvalidOperationException(r.Reason)));
        Receive<MarketDataOverflow>(o => Interlocked.Add(ref dropped.Value, o.Dropped));
        Receive<IMarketDataEvent>(e =>
        {
            arrivals.TryWrite((Stopwatch.GetTimestamp(), e));

            Sender.Tell(MarketDataDelivered.Instance, Self);
        });
        feeds.Tell(subscribe, Self);
    }

    /// <summary>Props of a subscriber.</summary>
    public static Props Props(IActorRef feeds, SubscribeMarketData subscribe, ChannelWriter<(long At, IMarketDataEvent Event)> arrivals, TaskCompletionSource subscribed, StrongBox<long> dropped) =>
        Akka.Actor.Props.Create(() => new FeedBenchSubscriber(feeds, subscribe, arrivals, subscribed, dropped));
}
