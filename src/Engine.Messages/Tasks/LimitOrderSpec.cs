using System.Collections.Immutable;

namespace Engine.Messages.Tasks;

/// <summary>
/// Limit orders to create on one pool from one wallet (DBot <c>createLimitOrder</c>): each of <see cref="Settings"/>
/// becomes its own task, triggered when the pool's USD price crosses its trigger.
/// </summary>
/// <param name="Chain">The venue's chain name, kept as a string.</param>
/// <param name="Pair">The pool (pair) address.</param>
/// <param name="WalletId">The wallet that trades.</param>
/// <param name="Settings">One or more triggers (each one task).</param>
/// <param name="GroupId">The venue's group to file them under; null = none.</param>
public sealed record LimitOrderSpec(string Chain, string Pair, string WalletId, ImmutableArray<LimitOrderSetting> Settings, string? GroupId = null);
