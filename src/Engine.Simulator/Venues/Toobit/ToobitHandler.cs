using Engine.Simulator.Accounts;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>Runs one request under the simulator's lock; throws <see cref="ToobitException"/> to refuse it.</summary>
internal delegate ToobitReply ToobitHandler(ToobitRequest request, SimAccount? account, DateTimeOffset now);
