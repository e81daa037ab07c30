namespace Engine.Config;

/// <summary>
/// Names the configuration key of a member explicitly, where the kebab-case form of its C# name reads badly
/// (<c>PostgreSql</c> would be <c>postgre-sql</c>; with <c>[HoconKey("postgresql")]</c> it is <c>postgresql</c>).
/// </summary>
/// <param name="key">The key, exactly as written in configuration files.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class HoconKeyAttribute(string key) : Attribute
{
    /// <summary>The key as written in configuration files.</summary>
    public string Key { get; } = key;
}
