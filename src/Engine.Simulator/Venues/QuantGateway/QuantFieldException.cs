namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>A synchronous handler failure; its message becomes <c>{"op":"error","error_message":...}</c> (§2.1).</summary>
internal sealed class QuantFieldException : Exception
{
    public QuantFieldException()
    {
    }

    public QuantFieldException(string message)
        : base(message)
    {
    }

    public QuantFieldException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Python <c>str(KeyError('name'))</c>.</summary>
    public static QuantFieldException Missing(string field) => new($"'{field}'");
}
