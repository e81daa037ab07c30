using Akka.Actor;
using Engine.Actors.Cluster;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Strategies;

/// <summary>
/// On a cluster node (<see cref="StrategyHostSettings.FollowFirstLogin"/>) a strategy runs where its first login runs, so its
/// hot path (commands to that login, the login's events) stays in the process: it is started when the login's entity
/// starts on this node (<see cref="LoginHosted"/>) and stopped when the entity leaves (<see cref="LoginReleased"/>); its
/// next incarnation, on the login's new node, rebuilds its view the way a restarted strategy does.
/// </summary>
public sealed partial class StrategyHost
{
    private const string MovedReason = "its first login left this node; it runs where that login runs";

    private void FollowFirstLogins()
    {
        var stream = Context.System.EventStream;
        stream.Subscribe(Self, typeof(LoginHosted));
        stream.Subscribe(Self, typeof(LoginReleased));
        stream.Publish(new WhoIsHosted(Self));
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        if (_settings.FollowFirstLogin)
        {
            Context.System.EventStream.Unsubscribe(Self);
        }
    }

    private void OnLoginHosted(LoginHosted hosted)
    {
        if (!_settings.FollowFirstLogin || _stopping)
        {
            return;
        }

        var loader = new StrategyTypeLoader(_settings.Options.PluginsFolder);
        foreach (var options in FollowersOf(hosted.Login).Where(o => !_supervisors.ContainsValue(o.Name)))
        {
            _order.Remove(options.Name);
            var error = CheckInstance(options) ?? TryStart(loader, options);
            if (error is not null)
            {
                StrategyHostLog.LoadFailed(_log, options.Name, error);
                Context.System.EventStream.Publish(new StrategyLoadFailed(options.Name, error, Now));
            }
        }
    }

    private void OnLoginReleased(LoginReleased released)
    {
        if (!_settings.FollowFirstLogin || _stopping)
        {
            return;
        }

        foreach (var options in FollowersOf(released.Login))
        {
            var supervisor = _supervisors.FirstOrDefault(p => p.Value == options.Name).Key;
            if (supervisor is not null)
            {
                _selfStopped[options.Name] = MovedReason;
                Context.Stop(supervisor);
            }
        }
    }

    private IEnumerable<StrategyOptions> FollowersOf(LoginId login) =>
        _settings.Strategies.Where(s => s.Enabled && s.Logins.Count > 0 && s.Logins[0].Trim() == login.Value);
}
