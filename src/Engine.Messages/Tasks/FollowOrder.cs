using System.Collections.Immutable;

namespace Engine.Messages.Tasks;

/// <summary>A follow order as the venue lists it: the fields strategies use, and the whole object as the venue sent it.</summary>
/// <param name="Id">The venue's task id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Chain">Its chain.</param>
/// <param name="Enabled">Whether it runs.</param>
/// <param name="WalletId">The wallet that trades.</param>
/// <param name="TargetIds">The leaders it follows.</param>
/// <param name="Json">The complete object (every field, as listed).</param>
public sealed record FollowOrder(string Id, string Name, string Chain, bool Enabled, string WalletId, ImmutableArray<string> TargetIds, string Json);
