using System.ComponentModel.DataAnnotations;

namespace Engine.Simulator.Hosting;

/// <summary>Validates a <see cref="SimulatorOptions"/> tree at start-up; failures name the section and the rule.</summary>
public static class SimulatorOptionsValidator
{
    /// <summary>Returns every problem found; empty when the options are usable.</summary>
    public static IReadOnlyList<string> Validate(SimulatorOptions options)
    {
        var errors = new List<string>();
        Check(options.Market, "market", errors);
        Check(options.Fees, "fees", errors);
        Check(options.QuantGateway, "quant-gateway", errors);
        Check(options.Binance, "binance", errors);
        Check(options.Binance.RateLimits, "binance.rate-limits", errors);
        Check(options.Toobit, "toobit", errors);
        Check(options.DBot, "dbot", errors);
        if (options.DBot.IdleTimeout <= TimeSpan.Zero || options.DBot.ActivityInterval < TimeSpan.Zero)
        {
            errors.Add("dbot.idle-timeout: must be positive; dbot.activity-interval: must be 0 (manual) or positive");
        }

        for (var i = 0; i < options.Accounts.Count; i++)
        {
            Check(options.Accounts[i], $"accounts[{i}]", errors);
        }

        for (var i = 0; i < options.Faults.Count; i++)
        {
            Check(options.Faults[i], $"faults[{i}]", errors);
        }

        if (options.Market.TickInterval < TimeSpan.Zero)
        {
            errors.Add("market.tick-interval: must be 0 (manual) or positive");
        }

        if (options.QuantGateway.IdleCheckPeriod <= TimeSpan.Zero || options.QuantGateway.IdleTimeout <= TimeSpan.Zero)
        {
            errors.Add("quant-gateway.idle-check-period and idle-timeout: must be positive");
        }

        if (options.Binance.PingInterval < TimeSpan.Zero || options.Binance.PongTimeout < TimeSpan.Zero || options.Binance.MaxConnectionAge <= TimeSpan.Zero || options.Binance.BanDuration <= TimeSpan.Zero)
        {
            errors.Add("binance.ping-interval and pong-timeout: must be 0 (off) or positive; max-connection-age and ban-duration: must be positive");
        }

        if (options.Toobit.ListenKeyLifetime <= TimeSpan.Zero || options.Toobit.StreamIdleTimeout <= TimeSpan.Zero || options.Toobit.StreamMaxAge <= TimeSpan.Zero || options.Toobit.BanDuration <= TimeSpan.Zero)
        {
            errors.Add("toobit.listen-key-lifetime, stream-idle-timeout, stream-max-age and ban-duration: must be positive");
        }

        var duplicates = options.Accounts.GroupBy(a => a.ApiKey, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            errors.Add($"accounts: api keys must be unique; repeated: {string.Join(", ", duplicates)}");
        }

        return errors;
    }

    /// <summary>Throws <see cref="ValidationException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(SimulatorOptions options)
    {
        var errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new ValidationException("Invalid engine.simulator options: " + string.Join("; ", errors));
        }
    }

    private static void Check(object section, string path, List<string> errors)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true))
        {
            errors.AddRange(results.Select(r => $"{path}.{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}
