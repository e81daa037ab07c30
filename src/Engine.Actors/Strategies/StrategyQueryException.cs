using Engine.Messages.Orders;

namespace Engine.Actors.Strategies;

/// <summary>A strategy's asked query was answered with <see cref="QueryFailed"/>; the reply is kept for inspection.</summary>
public sealed class StrategyQueryException : Exception
{
    public StrategyQueryException()
    {
    }

    public StrategyQueryException(string message)
        : base(message)
    {
    }

    public StrategyQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Wraps the failed reply; the message names the query, the login and the reason.</summary>
    public StrategyQueryException(QueryFailed failed)
        : base($"{failed?.Query} for login {failed?.Login} failed: {failed?.Reason}")
    {
        Failed = failed;
    }

    /// <summary>The failed reply; null when built from a message only.</summary>
    public QueryFailed? Failed { get; }
}
