namespace Engine.Actors.Orders;

/// <summary>The order a report was attributed to, how many matched, and why it was chosen (journaled).</summary>
/// <param name="Order">The chosen order.</param>
/// <param name="Candidates">How many orders matched the report's terms.</param>
/// <param name="Reason">For people and the audit: what matched and how the choice was made.</param>
public sealed record AttributionChoice(OrderState Order, int Candidates, string Reason);
