namespace Engine.Kernel.Tests.Persistence.Support;

/// <summary>Marks a contract test class whose inherited <see cref="JournalFactAttribute"/> tests need PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgreSqlAttribute : Attribute;
