using System.Collections.Concurrent;

namespace Engine.Kernel.Actors.Events;

/// <summary>
/// Publish/subscribe by type. An event reaches every subscriber of its type, of any base type or of any interface it
/// implements, exactly once per subscriber however many of its subscriptions match. Thread-safe: subscriptions are
/// copy-on-write snapshots, and each snapshot caches the recipients per concrete event type, so a publish is one
/// dictionary lookup plus the Tells. Subscribers that stop are removed automatically.
/// </summary>
public sealed class EventStream
{
    private readonly Lock _gate = new();
    private volatile Snapshot _snapshot = new(new Dictionary<Type, HashSet<IActorRef>>());

    /// <summary>Subscribes <paramref name="subscriber"/> to <paramref name="channel"/> and its subtypes; false if already subscribed.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        if (subscriber is ActorCell cell)
        {
            cell.Extras.SubscribedToEvents = true;
        }

        lock (_gate)
        {
            var map = Copy(_snapshot.Subscriptions);
            if (!map.TryGetValue(channel, out var set))
            {
                set = [];
                map[channel] = set;
            }

            if (!set.Add(subscriber))
            {
                return false;
            }

            _snapshot = new Snapshot(map);
            return true;
        }
    }

    /// <summary>Removes one subscription; false if there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        lock (_gate)
        {
            var map = Copy(_snapshot.Subscriptions);
            if (!map.TryGetValue(channel, out var set) || !set.Remove(subscriber))
            {
                return false;
            }

            if (set.Count == 0)
            {
                map.Remove(channel);
            }

            _snapshot = new Snapshot(map);
            return true;
        }
    }

    /// <summary>Removes every subscription of <paramref name="subscriber"/>.</summary>
    public void Unsubscribe(IActorRef subscriber)
    {
        lock (_gate)
        {
            var map = Copy(_snapshot.Subscriptions);
            var changed = false;
            foreach (var (channel, set) in map.ToList())
            {
                if (set.Remove(subscriber))
                {
                    changed = true;
                    if (set.Count == 0)
                    {
                        map.Remove(channel);
                    }
                }
            }

            if (changed)
            {
                _snapshot = new Snapshot(map);
            }
        }
    }

    /// <summary>Tells <paramref name="event"/> to every matching subscriber, with no sender.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var snapshot = _snapshot;
        if (snapshot.Subscriptions.Count == 0)
        {
            return;
        }

        foreach (var subscriber in snapshot.RecipientsOf(@event.GetType()))
        {
            subscriber.Tell(@event, ActorRefs.Nobody);
        }
    }

    private static Dictionary<Type, HashSet<IActorRef>> Copy(Dictionary<Type, HashSet<IActorRef>> source)
    {
        var copy = new Dictionary<Type, HashSet<IActorRef>>(source.Count + 1);
        foreach (var (type, set) in source)
        {
            copy[type] = [.. set];
        }

        return copy;
    }

    /// <summary>Immutable subscriptions plus a cache of recipients per concrete event type.</summary>
    private sealed class Snapshot(Dictionary<Type, HashSet<IActorRef>> subscriptions)
    {
        private readonly ConcurrentDictionary<Type, IActorRef[]> _recipients = new();

        public Dictionary<Type, HashSet<IActorRef>> Subscriptions { get; } = subscriptions;

        public IActorRef[] RecipientsOf(Type eventType) =>
            _recipients.GetOrAdd(eventType, static (type, self) => self.Compute(type), this);

        private IActorRef[] Compute(Type eventType)
        {
            var result = new HashSet<IActorRef>();
            foreach (var (channel, set) in Subscriptions)
            {
                if (channel.IsAssignableFrom(eventType))
                {
                    result.UnionWith(set);
                }
            }

            return [.. result];
        }
    }
}
