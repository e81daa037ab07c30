using Engine.Messages.Connectivity;

namespace Engine.Actors.Venues;

/// <summary>A session-level fact a venue behaviour recognised in a frame; the connection acts on it.</summary>
public abstract record SessionSignal;

/// <summary>The venue accepted the login and opened <paramref name="Session"/>; that is not yet "ready".</summary>
public sealed record SessionOpened(string Session) : SessionSignal;

/// <summary>The venue refused the login. Fatal refusals (bad configuration) must not be retried blindly.</summary>
public sealed record SessionRefused(string Reason, bool IsFatal) : SessionSignal;

/// <summary>The venue reported the session's state; <paramref name="Event"/> carries its code and text verbatim.</summary>
public sealed record VenueStateReported(ConnectionStateChanged Event, VenueReadiness Readiness) : SessionSignal;
