namespace Engine.Simulator.Venues.DBot;

/// <summary>What a DBot connection's inbound frames say about its heartbeat. Read and written under the simulator's lock.</summary>
internal interface IDBotLiveness
{
    /// <summary>The connection's number (as in the simulator's log).</summary>
    long Id { get; }

    /// <summary>Last inbound frame of any kind (data, close, ping, pong).</summary>
    DateTimeOffset LastFrame { get; set; }

    /// <summary>Last inbound Ping frame (strict heartbeat mode).</summary>
    DateTimeOffset LastPing { get; set; }

    /// <summary>Ping frames received on this connection (tests read them through <c>GET /_control/dbot/connections</c>).</summary>
    int Pings { get; set; }
}
