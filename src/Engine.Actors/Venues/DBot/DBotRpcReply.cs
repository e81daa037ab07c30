namespace Engine.Actors.Venues.DBot;

/// <summary>
/// A DBot <c>rpcResponse</c> result. <see cref="Err"/> false: the call was accepted (for a trade, that it was taken,
/// not that it executed); <see cref="ResJson"/> is <c>res</c> as JSON, or null when absent (mutations answer only
/// <c>{"err": false}</c>). <see cref="Err"/> true: <see cref="Error"/> holds the reason for people.
/// </summary>
public sealed record DBotRpcReply(bool Err, string? ResJson, string? Error) : VenueReply;
