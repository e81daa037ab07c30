namespace Engine.Config;

/// <summary>
/// Cross-field validation for an options record, run by the binder after the record is built. Each returned
/// message becomes one error at the record's file and line; return nothing when valid. Messages must not
/// contain secret values.
/// </summary>
public interface IValidatableOptions
{
    /// <summary>The problems found, as short sentences ("min-delay must not exceed max-delay").</summary>
    IEnumerable<string> Validate();
}
