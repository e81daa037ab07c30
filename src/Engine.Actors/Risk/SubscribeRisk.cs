using Engine.Messages.Identifiers;

namespace Engine.Actors.Risk;

/// <summary>
/// An order book asks the risk actor for <see cref="RiskSnapshot"/>s of its login: one at once, then one after every
/// change, until the subscriber stops (the risk actor watches it).
/// </summary>
public sealed record SubscribeRisk(LoginId Login);
