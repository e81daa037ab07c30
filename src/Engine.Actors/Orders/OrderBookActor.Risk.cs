using Akka.Actor;
using Engine.Actors.Risk;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Orders;

/// <summary>
/// The risk gate's inputs, and holding orders back until it knows its limits: a submit (and, to keep their order with
/// it, a cancel or cancel-all) that arrives before the risk actor's first snapshot waits in the stash, and all of them go
/// on, in arrival order, once the snapshot arrives or the system turns out to have no risk actor.
/// </summary>
public sealed partial class OrderBookActor
{
    private void OnRiskSnapshot(RiskSnapshot snapshot)
    {
        var wasOpen = _risk.IsOpen;
        _risk.Update(snapshot);
        if (!wasOpen)
        {
            Stash.UnstashAll();
        }
    }

    private void OnRiskIdentity(ActorIdentity identity)
    {
        var wasOpen = _risk.IsOpen;
        if (_risk.Absent(identity) && !wasOpen && _risk.IsOpen)
        {
            LogNoRiskActor(_log, _login.Value);
            Stash.UnstashAll();
        }
    }

    /// <summary><paramref name="handler"/> once the risk gate is open; until then the message waits in the stash.</summary>
    private Action<T> WhenRiskKnown<T>(Action<T> handler) => command =>
    {
        if (_risk.IsOpen)
        {
            handler(command);
        }
        else
        {
            Stash.Stash();
        }
    };

    [LoggerMessage(EventId = 5190, Level = LogLevel.Information, Message = "Order book of login {Login}: no risk actor in this system; orders are checked by the symbol rules only")]
    private static partial void LogNoRiskActor(ILogger logger, string login);
}
