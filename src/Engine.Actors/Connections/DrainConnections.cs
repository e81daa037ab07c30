namespace Engine.Actors.Connections;

/// <summary>
/// To the connections supervisor at shutdown: every connection optionally cancels its working orders, waits
/// (bounded by its login's drain timeout) for the cancels to be answered and the open orders re-read, logs
/// out and closes its socket. Answered with one <see cref="ConnectionsDrained"/>.
/// </summary>
/// <param name="CancelWorkingOrders">True to cancel every open order of every configured symbol first.</param>
public sealed record DrainConnections(bool CancelWorkingOrders);
