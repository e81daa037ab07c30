using System.Text.Json.Serialization;

namespace Engine.Messages.Identifiers;

/// <summary>
/// The engine's id of one automation-task command (create, toggle, delete ...), chosen by the sender before anything
/// leaves the process; unique per login. It names the command in the journal, the audit and the answers.
/// Invariant: a constructed value is never null, empty or whitespace; <c>default</c> is the only empty instance.
/// </summary>
[JsonConverter(typeof(IdentifierJsonConverter<TaskCommandId>))]
public readonly record struct TaskCommandId : IIdentifier<TaskCommandId>
{
    /// <summary>Creates the identifier; throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public TaskCommandId(string value)
    {
        Value = IdentifierText.Require(value, nameof(TaskCommandId));
    }

    /// <summary>The identifier text (case-sensitive).</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static TaskCommandId Create(string value) => new(value);

    /// <summary>True for <c>default</c>, the only instance without a value.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
