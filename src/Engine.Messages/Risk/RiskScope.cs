namespace Engine.Messages.Risk;

/// <summary>
/// The set of orders a trading state or a risk limit applies to. Written <c>engine</c>, <c>login:&lt;name&gt;</c>,
/// <c>strategy:&lt;name&gt;</c> or <c>symbol:&lt;name&gt;</c> (<see cref="ToString"/>, <see cref="TryParse"/>).
/// </summary>
/// <param name="Kind">What the scope covers.</param>
/// <param name="Name">The login, strategy or symbol name; <c>engine</c> for <see cref="RiskScopeKind.Engine"/>.</param>
public sealed record RiskScope(RiskScopeKind Kind, string Name)
{
    /// <summary>The engine-wide scope.</summary>
    public static RiskScope Engine { get; } = new(RiskScopeKind.Engine, "engine");

    /// <summary>The scope of one login.</summary>
    public static RiskScope OfLogin(string login) => new(RiskScopeKind.Login, login);

    /// <summary>The scope of one strategy.</summary>
    public static RiskScope OfStrategy(string strategy) => new(RiskScopeKind.Strategy, strategy);

    /// <summary>The scope of one symbol.</summary>
    public static RiskScope OfSymbol(string symbol) => new(RiskScopeKind.Symbol, symbol);

    /// <inheritdoc />
    public override string ToString() => Kind == RiskScopeKind.Engine ? "engine" : $"{Kind.ToString().ToLowerInvariant()}:{Name}";

    /// <summary>Reads <c>engine</c>, <c>login:L</c>, <c>strategy:S</c> or <c>symbol:X</c>; false for anything else.</summary>
    public static bool TryParse(string? text, out RiskScope scope)
    {
        scope = Engine;
        if (string.Equals(text, "engine", StringComparison.Ordinal))
        {
            return true;
        }

        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        var name = text[(colon + 1)..];
        switch (text[..colon])
        {
            case "login":
                scope = OfLogin(name);
                return true;
            case "strategy":
                scope = OfStrategy(name);
                return true;
            case "symbol":
                scope = OfSymbol(name);
                return true;
            default:
                return false;
        }
    }
}
