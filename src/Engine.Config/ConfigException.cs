namespace Engine.Config;

/// <summary>
/// Thrown when a configuration cannot be read, resolved or bound. Carries every problem found, so start-up
/// reports them all at once; <see cref="Exception.Message"/> is the errors, one per line.
/// </summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates an exception for one problem.</summary>
    public ConfigException(ConfigError error)
        : this([error])
    {
    }

    /// <summary>Creates an exception for several problems (at least one); repeats are condensed (<see cref="ConfigErrorCondenser"/>).</summary>
    public ConfigException(IReadOnlyList<ConfigError> errors) => Errors = ConfigErrorCondenser.Condense(errors);

    /// <summary>Creates an exception without structured errors (required by the exception pattern).</summary>
    public ConfigException()
        : this(new ConfigError(HoconOrigin.None, string.Empty, "invalid configuration"))
    {
    }

    /// <summary>Creates an exception without structured errors (required by the exception pattern).</summary>
    public ConfigException(string message)
        : this(new ConfigError(HoconOrigin.None, string.Empty, message))
    {
    }

    /// <summary>Creates an exception without structured errors (required by the exception pattern).</summary>
    public ConfigException(string message, Exception innerException)
        : base(message, innerException) =>
        Errors = [new ConfigError(HoconOrigin.None, string.Empty, message)];

    /// <summary>Every problem found, in the order found.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    /// <summary>The errors, one per line.</summary>
    public override string Message => Format(Errors);

    private static string Format(IReadOnlyList<ConfigError> errors) =>
        errors.Count == 0 ? "invalid configuration" : string.Join(Environment.NewLine, errors);
}
