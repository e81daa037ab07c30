namespace Engine.Host.Api;

/// <summary>One fill, as <c>GET /api/fills</c> lists it; symbol and side are null for an order submitted before the engine started.</summary>
public sealed record ApiFill(
    string Login,
    string ClientOrderId,
    string? Symbol,
    string? Side,
    string FillId,
    decimal Price,
    decimal Quantity,
    decimal? Fee,
    string? FeeAsset,
    DateTimeOffset Timestamp);
