namespace Engine.Actors.Venues;

/// <summary>What a venue state report means for trading.</summary>
public enum VenueReadiness
{
    /// <summary>Trading is possible (quant gateway code 6); may repeat.</summary>
    Ready,

    /// <summary>Temporarily not ready (quant gateway 2, 3, 4, 5, 7); the next ready report restores trading.</summary>
    NotReady,

    /// <summary>The login cannot work without an operator (quant gateway 1); stop, never retry blindly.</summary>
    Fatal,
}
