namespace Engine.Messages.Connectivity;

/// <summary>The engine's state of one login's connection; only <see cref="Ready"/> allows trading.</summary>
public enum ConnectionState
{
    /// <summary>Not connected and not trying.</summary>
    Disconnected,

    /// <summary>Opening the transport.</summary>
    Connecting,

    /// <summary>Transport open; logging in or waiting for the venue to declare the login ready.</summary>
    Authenticating,

    /// <summary>Trading is possible.</summary>
    Ready,

    /// <summary>Lost; waiting for the backoff delay or for the venue to become ready again.</summary>
    Reconnecting,

    /// <summary>Stopped for good (fatal venue error, ban, shutdown); no retry.</summary>
    Stopped,
}
