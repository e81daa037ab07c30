namespace Engine.Config;

/// <summary>
/// Marks an options property whose value must never appear in an error message, a log or a journal
/// (API keys, passwords). The binder reports problems with such a key without printing the value.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = true)]
public sealed class SecretAttribute : Attribute
{
}
