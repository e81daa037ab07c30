namespace Engine.Actors.Venues.DBot;

/// <summary>A <c>subscribeResponse</c>: <c>result.message</c> verbatim (<c>"Connected and subscribed"</c> when it worked).</summary>
public sealed record DBotSubscribeAck(string Message)
{
    /// <summary>The acknowledgement DBot documents for a successful subscription.</summary>
    public const string Subscribed = "Connected and subscribed";

    /// <summary>True when the subscription is in effect.</summary>
    public bool IsSubscribed => string.Equals(Message, Subscribed, StringComparison.OrdinalIgnoreCase);
}
