using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace Engine.Simulator.Tests.Sockets;

/// <summary>A connected server/client WebSocket pair over loopback TCP, without HTTP; every receive has a timeout.</summary>
internal sealed class LoopbackWebSockets : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly TcpClient serverTcp;
    private readonly TcpClient clientTcp;

    private LoopbackWebSockets(TcpClient serverTcp, TcpClient clientTcp)
    {
        this.serverTcp = serverTcp;
        this.clientTcp = clientTcp;
        Server = WebSocket.CreateFromStream(serverTcp.GetStream(), new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
        Client = WebSocket.CreateFromStream(clientTcp.GetStream(), new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero });
    }

    public WebSocket Server { get; }

    public WebSocket Client { get; }

    public static async Task<LoopbackWebSockets> ConnectAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var client = new TcpClient();
            var connect = client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
            var server = await listener.AcceptTcpClientAsync().WaitAsync(Timeout);
            await connect.WaitAsync(Timeout);
            return new LoopbackWebSockets(server, client);
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Sends one text message from the client.</summary>
    public Task SendTextAsync(string text) =>
        Client.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None).WaitAsync(Timeout);

    /// <summary>Receives one whole message on the client: its type and text.</summary>
    public async Task<(WebSocketMessageType Type, string Text)> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var buffer = new byte[4096];
        using var text = new MemoryStream();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await Client.ReceiveAsync(buffer.AsMemory(), timeout.Token);
            text.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return (result.MessageType, Encoding.UTF8.GetString(text.ToArray()));
    }

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
        clientTcp.Dispose();
        serverTcp.Dispose();
    }
}
