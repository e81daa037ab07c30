using Akka.Actor;

namespace Engine.Actors.Strategies;

/// <summary>An operator stopping and starting one strategy while the engine runs.</summary>
public sealed partial class StrategyHost
{
    private void OnStopStrategy(StopStrategy stop)
    {
        var supervisor = _supervisors.FirstOrDefault(p => p.Value == stop.Name).Key;
        if (supervisor is null || _stopping)
        {
            Sender.Tell(new StrategyControlled(stop.Name, false, $"strategy '{stop.Name}' is not running"), Self);
            return;
        }

        // Reported as finished when its supervisor terminates, not as given up.
        _selfStopped[stop.Name] = stop.Reason;
        Context.Stop(supervisor);
        Sender.Tell(new StrategyControlled(stop.Name, true, $"strategy '{stop.Name}' is stopping: {stop.Reason}"), Self);
    }

    private void OnStartStrategy(StartStrategy start)
    {
        var options = _settings.Strategies.FirstOrDefault(s => s.Name == start.Name);
        string? error = options switch
        {
            null => $"no strategy '{start.Name}' is configured",
            { Enabled: false } => $"strategy '{start.Name}' is disabled in the configuration",
            _ when _stopping => "the engine is stopping its strategies",
            _ when _supervisors.ContainsValue(start.Name) => $"strategy '{start.Name}' is already running",
            _ => null,
        };
        if (error is null)
        {
            _order.Remove(start.Name);
            error = TryStart(new StrategyTypeLoader(_settings.Options.PluginsFolder), options!);
        }

        Sender.Tell(error is null
            ? new StrategyControlled(start.Name, true, $"strategy '{start.Name}' started")
            : new StrategyControlled(start.Name, false, error), Self);
    }
}
