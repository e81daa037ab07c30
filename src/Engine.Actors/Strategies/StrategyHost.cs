using Engine.Kernel.Actors;
using Engine.Kernel.Actors.Supervision;
using Engine.Messages.Identifiers;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Strategies;

/// <summary>
/// Parent of the strategy plugins (<c>/user/engine/strategies</c>). On start it resolves every enabled configured
/// strategy (<see cref="StrategyTypeLoader"/>) and runs each behind its own <see cref="BackoffSupervisor"/> in
/// <see cref="BackoffMode.OnFailure"/> mode, named after the strategy: a strategy that throws is stopped and recreated
/// with backoff, and given up on (<see cref="StrategyGaveUp"/>) after repeated failures, while every other strategy keeps
/// running. A strategy that cannot be resolved is reported (<see cref="StrategyLoadFailed"/>) and skipped. Host events go
/// to the log and the event stream. <see cref="StopStrategies"/> stops them all and replies <see cref="StrategiesStopped"/>.
/// </summary>
public sealed class StrategyHost : ReceiveActor
{
    private readonly StrategyHostSettings _settings;
    private readonly Dictionary<IActorRef, string> _supervisors = [];
    private readonly Dictionary<string, string> _selfStopped = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly List<IActorRef> _stopRequesters = [];
    private List<string> _stoppedNames = [];
    private bool _stopping;

    private StrategyHost(StrategyHostSettings settings)
    {
        _settings = settings;
        Receive<Terminated>(OnTerminated);
        Receive<StrategySelfStopped>(m => _selfStopped[m.Name] = m.Reason);
        Receive<StopStrategies>(_ => OnStopStrategies());
        Receive<GetRunningStrategies>(_ => Sender.Tell(new RunningStrategies(Running())));
        Receive<SendToStrategy>(OnSendToStrategy);
    }

    /// <summary>Props of the host; the settings are checked here (null members, option validation).</summary>
    public static Props Props(StrategyHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(settings.Strategies);
        ArgumentNullException.ThrowIfNull(settings.Connections);
        ArgumentNullException.ThrowIfNull(settings.Options);
        var problems = settings.Options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid strategy host options: {string.Join("; ", problems)}.", nameof(settings));
        }

        return Engine.Kernel.Actors.Props.Create(() => new StrategyHost(settings));
    }

    protected override void PreStart()
    {
        var loader = new StrategyTypeLoader(_settings.Options.PluginsFolder);
        foreach (var options in _settings.Strategies)
        {
            if (!options.Enabled)
            {
                StrategyHostLog.Disabled(Log, options.Name);
                continue;
            }

            var error = CheckInstance(options) ?? TryStart(loader, options);
            if (error is not null)
            {
                StrategyHostLog.LoadFailed(Log, options.Name, error);
                Context.System.EventStream.Publish(new StrategyLoadFailed(options.Name, error, Now));
            }
        }
    }

    private DateTimeOffset Now => Context.System.TimeProvider.GetUtcNow();

    private string? CheckInstance(StrategyOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            return "a strategy needs a name";
        }

        if (_order.Contains(options.Name, StringComparer.Ordinal))
        {
            return $"strategy '{options.Name}': the name is already used by another strategy; names must be unique";
        }

        if (options.Logins.Count == 0 || options.Logins.Any(string.IsNullOrWhiteSpace))
        {
            return $"strategy '{options.Name}': expected at least one login and no empty login names, got [{string.Join(", ", options.Logins)}]";
        }

        return null;
    }

    private string? TryStart(StrategyTypeLoader loader, StrategyOptions options)
    {
        var resolution = loader.Resolve(options);
        if (resolution.Type is not { } type)
        {
            return resolution.Error;
        }

        var context = new StrategyContext(
            options.Name,
            [.. options.Logins.Select(l => new LoginId(l.Trim()))],
            _settings.Connections,
            options.Parameters)
        {
            TimeProvider = Context.System.TimeProvider,
            Logger = Context.System.LoggerFactory.CreateLogger(type.FullName ?? type.Name),
            Host = Self,
        };
        var host = _settings.Options;
        var backoff = BackoffOptions.OnFailure(
            Engine.Kernel.Actors.Props.Create(type, context),
            options.Name,
            host.MinBackoff,
            host.MaxBackoff,
            host.RandomFactor) with
        {
            MaxNrOfRetries = host.MaxRestarts,
            ResetBackoffAfter = host.RestartWindow,
            Random = _settings.Random,
        };

        IActorRef supervisor;
        try
        {
            supervisor = Context.ActorOf(BackoffSupervisor.Props(backoff), options.Name);
        }
        catch (InvalidActorNameException e)
        {
            return $"strategy '{options.Name}': the name cannot name an actor: {e.Message}";
        }

        Context.Watch(supervisor);
        _supervisors[supervisor] = options.Name;
        _order.Add(options.Name);
        StrategyHostLog.Started(Log, options.Name, type.FullName ?? type.Name, resolution.Source);
        Context.System.EventStream.Publish(new StrategyLoaded(options.Name, type.FullName ?? type.Name, resolution.Source, Now));
        return null;
    }

    private void OnTerminated(Terminated terminated)
    {
        if (!_supervisors.Remove(terminated.ActorRef, out var name))
        {
            return;
        }

        if (_stopping)
        {
            ReplyWhenAllStopped();
            return;
        }

        if (_selfStopped.Remove(name, out var reason))
        {
            StrategyHostLog.Finished(Log, name, reason);
            Context.System.EventStream.Publish(new StrategyFinished(name, reason, Now));
            return;
        }

        var options = _settings.Options;
        var why = $"strategy '{name}' failed again after {options.MaxRestarts} restart(s) with backoff, none of which stayed up "
            + $"for the restart window of {options.RestartWindow}; it is stopped and will not be restarted (the exceptions are in the error log)";
        StrategyHostLog.GaveUp(Log, name, why);
        Context.System.EventStream.Publish(new StrategyGaveUp(name, why, Now));
    }

    private void OnSendToStrategy(SendToStrategy send)
    {
        var target = Context.Child(send.Name);
        if (target.Equals(ActorRefs.Nobody))
        {
            Context.System.DeadLetters.Tell(send.Message, Sender);
            return;
        }

        target.Tell(send.Message, Sender);
    }

    private void OnStopStrategies()
    {
        _stopRequesters.Add(Sender);
        if (!_stopping)
        {
            _stopping = true;
            _stoppedNames = Running();
            StrategyHostLog.Stopping(Log, _stoppedNames.Count);
            foreach (var supervisor in _supervisors.Keys)
            {
                Context.Stop(supervisor);
            }
        }

        ReplyWhenAllStopped();
    }

    private void ReplyWhenAllStopped()
    {
        if (_supervisors.Count > 0)
        {
            return;
        }

        var reply = new StrategiesStopped(_stoppedNames);
        foreach (var requester in _stopRequesters)
        {
            requester.Tell(reply, Self);
        }

        _stopRequesters.Clear();
    }

    private List<string> Running()
    {
        var live = _supervisors.Values.ToHashSet(StringComparer.Ordinal);
        return [.. _order.Where(live.Contains)];
    }
}
