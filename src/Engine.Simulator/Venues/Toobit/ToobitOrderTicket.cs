using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>A parsed and validated order entry: the wire fields to report and the request for the matching engine. Immutable.</summary>
internal sealed record ToobitOrderTicket(
    OrderRequest Request,
    string ClientOrderId,
    string Side,
    string Type,
    string TimeInForce,
    string PriceType,
    decimal ReportedPrice,
    decimal OrigQty,
    bool Futures,
    bool FillOrKill);
