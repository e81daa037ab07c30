namespace Engine.Config;

/// <summary>Binds a <see cref="long"/> options property from a size in bytes (<c>64MiB</c>, <c>512K</c>) instead of a plain integer.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = true)]
public sealed class BytesAttribute : Attribute
{
}
