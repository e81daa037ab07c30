using Engine.Simulator.Matching;

namespace Engine.Simulator.Hosting;

/// <summary>
/// What the venue itself holds (<c>GET /_control/state</c>), for tests that compare an engine's journal with it: per
/// account (a quant gateway login's account, a Binance API key's account) every order with its status, every fill, and the
/// net position per symbol from those fills (bought minus sold). Immutable snapshot taken under the venue's lock.
/// </summary>
/// <param name="Accounts">Every account of the venue.</param>
public sealed record VenueTruth(IReadOnlyList<AccountTruth> Accounts)
{
    /// <summary>Builds the truth of every account of <paramref name="engine"/>; call it under the venue's lock.</summary>
    public static VenueTruth Of(MatchingEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return new VenueTruth([.. engine.AccountIds.Order(StringComparer.Ordinal).Select(id => AccountTruth.Of(engine, id))]);
    }
}
