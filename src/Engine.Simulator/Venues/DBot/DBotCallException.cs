namespace Engine.Simulator.Venues.DBot;

/// <summary>
/// A call DBot refuses: answered <c>{"err": true, "res": "&lt;reason&gt;"}</c> (inside <c>result</c> on the WebSocket).
/// ASSUMPTION: the error body of <c>err: true</c> is undocumented; a human-readable string in <c>res</c> is the
/// reference's recommendation (DBot's own client prints <c>res</c> as the error detail).
/// </summary>
internal sealed class DBotCallException(string reason) : Exception(reason);
