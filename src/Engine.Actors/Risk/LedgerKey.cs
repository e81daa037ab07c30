using Engine.Messages.Identifiers;

namespace Engine.Actors.Risk;

/// <summary>What one ledger bucket counts: a login's fills in a symbol for one strategy (null: orders of no strategy).</summary>
public sealed record LedgerKey(LoginId Login, string? Strategy, Symbol Symbol);
