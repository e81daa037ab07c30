namespace Engine.Actors.Connections;

/// <summary>
/// The keys a frame on a shared socket names its login by, as a venue's <see cref="FrameRouter"/> reads them:
/// <paramref name="Key"/> (a request's correlation prefix, else a session token) and <paramref name="Also"/> (a second key
/// the same frame gives, such as the token a login reply hands out). Both null: the frame names no member.
/// </summary>
public readonly record struct FrameRoute(string? Key, string? Also = null)
{
    /// <summary>A frame that names no member.</summary>
    public static FrameRoute None => default;
}
