using Engine.Messages.Identifiers;

namespace Engine.Actors.Risk;

/// <summary>
/// Where the risk engine reads the mark of a symbol (a market-data feed's mid or last trade). When it has none, the
/// last fill price is used. Implementations must be thread-safe: the risk actor reads it from its own thread.
/// </summary>
public interface IMarkPriceSource
{
    /// <summary>The mark of <paramref name="symbol"/> as traded by <paramref name="login"/>, or null when unknown.</summary>
    decimal? MarkOf(LoginId login, Symbol symbol);
}
