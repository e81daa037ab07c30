using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Audit;

/// <summary>One counted (distinct) fill.</summary>
public sealed record AuditedFill(
    LoginId Login,
    ClientOrderId ClientOrderId,
    FillId FillId,
    Symbol Symbol,
    OrderSide Side,
    decimal Price,
    decimal Quantity,
    decimal? Fee,
    string? FeeAsset,
    DateTimeOffset Timestamp);
