namespace Engine.Actors.Connections;

/// <summary>
/// Reads a frame's <see cref="FrameRoute"/> for <see cref="SharedTransportActor"/>, which hands a frame no member claimed
/// to every member. Pure and thread-safe.
/// </summary>
/// <param name="frame">One received text frame.</param>
public delegate FrameRoute FrameRouter(ReadOnlySpan<byte> frame);
