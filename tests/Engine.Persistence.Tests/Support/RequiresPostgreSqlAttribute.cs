namespace Engine.Persistence.Tests.Support;

/// <summary>Marks a contract class whose inherited <see cref="ContractFactAttribute"/> tests need PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgreSqlAttribute : Attribute;
