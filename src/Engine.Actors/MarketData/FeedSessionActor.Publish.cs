using Akka.Actor;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData;

/// <summary>
/// Handing events to the feed, batched under load without delaying a lone event: an event with nothing outstanding goes
/// to the feed at once, and a <see cref="PublishDue"/> marker is queued behind the frames already in the mailbox; events
/// decoded before the marker comes back are held and go as one <see cref="FeedEvents"/>. At a trickle every event is
/// told at once (the marker finds nothing); in a burst the feed gets one message per mailbox run. Order is kept.
/// </summary>
public sealed partial class FeedSessionActor
{
    private List<IMarketDataEvent> _held = [];
    private bool _publishDue;

    /// <summary>Hands <paramref name="marketEvent"/> to the feed now, or holds it for the next batch.</summary>
    private void Publish(IMarketDataEvent marketEvent)
    {
        if (_publishDue)
        {
            _held.Add(marketEvent);
            return;
        }

        _feed.Tell(marketEvent, Self);
        _publishDue = true;
        Self.Tell(PublishDue.Instance, Self);
    }

    /// <summary>The marker came back: what was held goes as one batch, and the next marker follows it.</summary>
    private void PublishHeld()
    {
        _publishDue = false;
        if (TellHeld())
        {
            _publishDue = true;
            Self.Tell(PublishDue.Instance, Self);
        }
    }

    /// <summary>Tells the feed what is held (a single event as itself); false when nothing was.</summary>
    private bool TellHeld()
    {
        switch (_held.Count)
        {
            case 0:
                return false;
            case 1:
                _feed.Tell(_held[0], Self);
                _held.Clear();
                return true;
            default:
                _feed.Tell(new FeedEvents(_held), Self);
                _held = [];
                return true;
        }
    }

    private sealed record PublishDue
    {
        public static readonly PublishDue Instance = new();
    }
}
