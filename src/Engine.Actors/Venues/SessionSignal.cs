using Engine.Actors.Budget;
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

/// <summary>The venue reported how much of a rate window is used (Binance <c>rateLimits</c>); the budget re-syncs to it.</summary>
public sealed record RateUsageReported(string Window, int Count, TimeSpan? Period) : SessionSignal;

/// <summary>The venue published its rate limits (Toobit <c>exchangeInfo.rateLimits</c>); the budget's windows become <paramref name="Windows"/>.</summary>
public sealed record RateLimitsChanged(IReadOnlyList<RateWindowSpec> Windows, string Source) : SessionSignal;

/// <summary>The venue asked us to stop sending until <paramref name="Until"/> (HTTP 429 retry-after); requests queue meanwhile.</summary>
public sealed record SendingPaused(DateTimeOffset Until, string Reason) : SessionSignal;

/// <summary>A session frame (multi-step logon, resubscribe, clock re-sync) to send now if the socket is open; it bypasses the budget and the correlator.</summary>
public sealed record SendSessionFrame(ReadOnlyMemory<byte> Frame, string Operation) : SessionSignal;

/// <summary>The session must be replaced (server shutdown, lifetime reached, subscription ids used up): reconnect now.</summary>
public sealed record ReconnectRequested(string Reason) : SessionSignal;
