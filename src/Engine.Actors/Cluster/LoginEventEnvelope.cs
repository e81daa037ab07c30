using Akka.Actor;
using Engine.Messages;

namespace Engine.Actors.Cluster;

/// <summary>
/// A login event on its distributed pub-sub topic, with the node that published it: a node's relay drops the envelopes
/// of its own node (their event is already on its event stream) and republishes the others locally, so every event
/// reaches a strategy once wherever the login and the strategy run.
/// </summary>
/// <param name="Origin">The node that runs the login and published the event.</param>
/// <param name="Event">The event.</param>
public sealed record LoginEventEnvelope(Address Origin, ILoginEvent Event);
