using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Risk;

/// <summary>An order the ledger has seen submitted: where its fills go, and whether it is still working.</summary>
public sealed record LedgerOrder(LoginId Login, ClientOrderId ClientOrderId, string? Strategy, Symbol Symbol, OrderSide Side, bool Working);
