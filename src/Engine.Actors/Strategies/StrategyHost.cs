using Akka.Actor;
using Akka.Pattern;
using Engine.Actors.Runtime;
using Engine.Messages.Identifiers;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Strategies;

/// <summary>
/// Parent of the strategy plugins (<c>/user/engine/strategies</c>). On start it resolves every enabled configured
/// strategy (<see cref="StrategyTypeLoader"/>) and runs each behind its own Akka <see cref="BackoffSupervisor"/> in
/// on-failure mode (<see cref="Backoff.OnFailure(Props, string, TimeSpan, TimeSpan, double, int)"/>), named after the
/// strategy: a strategy that throws (in its constructor too) is stopped and recreated with backoff on the actor system's
/// scheduler, and given up on (<see cref="StrategyGaveUp"/>) after repeated failures, while every other strategy keeps
/// running. The backoff's jitter is Akka's (not seedable); tests that count delays set random-factor to 0. A strategy
/// that cannot be resolved is reported (<see cref="StrategyLoadFailed"/>) and skipped. Host events go to the log and
/// the event stream. <see cref="StopStrategies"/> stops them all and replies <see cref="StrategiesStopped"/>.
/// </summary>
public sealed partial class StrategyHost : ReceiveActor
{
    private readonly StrategyHostSettings _settings;
    private readonly ILogger _log;
    private readonly Dictionary<IActorRef, string> _supervisors = [];
    private readonly Dictionary<string, string> _selfStopped = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly List<IActorRef> _stopRequesters = [];
    private List<string> _stoppedNames = [];
    private bool _stopping;

    /// <summary>Use <see cref="Props(StrategyHostSettings)"/>; public because Akka builds actors through it.</summary>
    public StrategyHost(StrategyHostSettings settings)
    {
        _settings = settings;
        _log = Context.CreateLogger<StrategyHost>();
        Receive<Terminated>(OnTerminated);
        Receive<StrategySelfStopped>(m => _selfStopped[m.Name] = m.Reason);
        Receive<StopStrategies>(_ => OnStopStrategies());
        Receive<GetRunningStrategies>(_ => Sender.Tell(new RunningStrategies(Running())));
        Receive<SendToStrategy>(OnSendToStrategy);
        Receive<StopStrategy>(OnStopStrategy);
        Receive<StartStrategy>(OnStartStrategy);
        Receive<Cluster.LoginHosted>(OnLoginHosted);
        Receive<Cluster.LoginReleased>(OnLoginReleased);
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

        return Akka.Actor.Props.Create(() => new StrategyHost(settings));
    }

    protected override void PreStart()
    {
        if (_settings.FollowFirstLogin)
        {
            FollowFirstLogins();
            return;
        }

        var loader = new StrategyTypeLoader(_settings.Options.PluginsFolder);
        foreach (var options in _settings.Strategies)
        {
            if (!options.Enabled)
            {
                StrategyHostLog.Disabled(_log, options.Name);
                continue;
            }

            var error = CheckInstance(options) ?? TryStart(loader, options);
            if (error is not null)
            {
                StrategyHostLog.LoadFailed(_log, options.Name, error);
                Context.System.EventStream.Publish(new StrategyLoadFailed(options.Name, error, Now));
            }
        }
    }

    private static DateTimeOffset Now => Context.Engine().Time.GetUtcNow();

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
            TimeProvider = Context.Engine().Time,
            Logger = Context.Engine().LoggerFactory.CreateLogger(type.FullName ?? type.Name),
            Host = Self,
            Feeds = _settings.Feeds ?? Context.ActorSelection(Context.Parent.Path / MarketData.FeedsSupervisor.Name),
        };
        var host = _settings.Options;

        // Every failure of the strategy, whatever the exception, is a restart with backoff (the supervisor turns a
        // Restart into stop, wait, recreate); more than max-restarts of them without an incarnation living through the
        // restart window (the auto reset) stops the supervisor, which this host reports as given up.
        var backoff = Backoff.OnFailure(
                Akka.Actor.Props.Create(type, context),
                options.Name,
                host.MinBackoff,
                host.MaxBackoff,
                host.RandomFactor,
                host.MaxRestarts)
            .WithAutoReset(host.RestartWindow)
            .WithSupervisorStrategy(new OneForOneStrategy(host.MaxRestarts, null, _ => Directive.Restart));

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
        StrategyHostLog.Started(_log, options.Name, type.FullName ?? type.Name, resolution.Source);
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
            StrategyHostLog.Finished(_log, name, reason);
            Context.System.EventStream.Publish(new StrategyFinished(name, reason, Now));
            return;
        }

        var options = _settings.Options;
        var why = $"strategy '{name}' failed again after {options.MaxRestarts} restart(s) with backoff, none of which stayed up "
            + $"for the restart window of {options.RestartWindow}; it is stopped and will not be restarted (the exceptions are in the error log)";
        StrategyHostLog.GaveUp(_log, name, why);
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
            StrategyHostLog.Stopping(_log, _stoppedNames.Count);
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
