using System.Collections.Immutable;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Tasks;

/// <summary>A task book's state for people and tests: open commands, how many trade results were recorded, readiness.</summary>
public sealed record TaskBookView(LoginId Login, ImmutableArray<OpenCommand> Open, int TradeResults, bool IsReady);
