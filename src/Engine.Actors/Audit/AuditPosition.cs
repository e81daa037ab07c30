using Engine.Actors.Status;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Audit;

/// <summary>A login's position in one symbol, rebuilt from its fills by average cost.</summary>
public sealed record AuditPosition(LoginId Login, SymbolPosition Position);
