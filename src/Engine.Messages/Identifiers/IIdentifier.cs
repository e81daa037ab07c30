namespace Engine.Messages.Identifiers;

/// <summary>An identifier value type: validated text with a factory, so one JSON converter serves all of them.</summary>
/// <typeparam name="TSelf">The identifier type.</typeparam>
public interface IIdentifier<TSelf>
    where TSelf : struct, IIdentifier<TSelf>
{
    /// <summary>The identifier text; null only for <c>default</c>.</summary>
    string Value { get; }

    /// <summary>Creates a validated identifier; throws <see cref="ArgumentException"/> on bad text.</summary>
    static abstract TSelf Create(string value);
}
