using Engine.Actors.Strategies;
using Engine.Config;

namespace Engine.Host.Configuration;

/// <summary>
/// What start-up needs beyond a well-formed configuration, checked the way the running engine does it, before anything
/// starts: every enabled strategy resolves and binds its parameters (<see cref="StrategyHostPreflight"/>), and every
/// enabled Binance login can build its signer (the Ed25519 key file is readable and holds a key, the variable is set).
/// Run by <c>engine check-config</c> and by <c>engine run</c> before it starts, so what the check passes starts and
/// what would be skipped at run time fails both, with exit code 2. Messages never quote a key's content.
/// </summary>
public static class StartupCheck
{
    /// <summary>
    /// Throws <see cref="ConfigException"/> with one error per problem (pinned to the strategy's or login's item in the
    /// file); <paramref name="environment"/> and <paramref name="readFile"/> default to the process's.
    /// </summary>
    public static void Run(EngineConfiguration loaded, Func<string, string?>? environment = null, Func<string, string>? readFile = null)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var options = loaded.Options;
        var errors = new List<ConfigError>();
        var preflight = new StrategyHostPreflight(options.StrategyHost);
        for (var i = 0; i < options.Strategies.Count; i++)
        {
            if (preflight.Check(options.Strategies[i]) is { } problem)
            {
                errors.Add(new ConfigError(ItemOrigin(loaded.Config, "engine.strategies", i), $"engine.strategies.{i}", problem));
            }
        }

        for (var i = 0; i < options.Logins.Count; i++)
        {
            var login = options.Logins[i];
            if (!login.Enabled || login.Binance is not { } binance)
            {
                continue;
            }

            var signer = binance.CreateSigner(environment ?? Environment.GetEnvironmentVariable, readFile ?? File.ReadAllText);
            if (!signer.IsOk)
            {
                errors.Add(new ConfigError(ItemOrigin(loaded.Config, "engine.logins", i), $"engine.logins.{i}", $"login '{login.Name}': binance.{signer.Error}"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ConfigException(errors);
        }
    }

    private static HoconOrigin ItemOrigin(HoconConfig config, string list, int index) =>
        config.HasPath(list) && config.GetValue(list) is HoconArray array && index < array.Items.Count
            ? array.Items[index].Origin
            : HoconOrigin.None;
}
