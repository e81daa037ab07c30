using System.Collections.Immutable;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Budget;

/// <summary>
/// Published on the event stream by a login's <see cref="RateBudgetActor"/>: the use of each of its windows, sampled
/// <see cref="RateBudgetActor.UsageSampleInterval"/> after a request was counted and again every interval while any
/// window is in use (so the last sample of a quiet budget reads zero). For the engine's metrics. Immutable.
/// </summary>
/// <param name="Login">The login.</param>
/// <param name="Timestamp">When it was sampled.</param>
/// <param name="Windows">Each window's use.</param>
public sealed record BudgetUsageSampled(LoginId Login, DateTimeOffset Timestamp, ImmutableArray<BudgetWindowUsage> Windows);
