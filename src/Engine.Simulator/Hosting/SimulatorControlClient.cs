using System.Net.Http.Json;
using System.Text.Json;
using Engine.Simulator.Faults;

namespace Engine.Simulator.Hosting;

/// <summary>Typed client of a simulator's <c>/_control</c> API. Thread-safe as <see cref="HttpClient"/> is.</summary>
public sealed class SimulatorControlClient : IDisposable
{
    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly Uri baseUri;

    /// <summary>Creates a client for the simulator at <paramref name="baseUri"/>; a null <paramref name="http"/> makes an owned one.</summary>
    public SimulatorControlClient(Uri baseUri, HttpClient? http = null)
    {
        this.baseUri = baseUri;
        ownsHttp = http is null;
        this.http = http ?? new HttpClient();
    }

    /// <summary>Arms a fault; returns the armed set.</summary>
    public Task<IReadOnlyList<FaultRule>> AddFaultAsync(FaultRule rule, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<FaultRule>>(HttpMethod.Post, "_control/faults", rule, cancellationToken);

    /// <summary>Disarms every fault.</summary>
    public Task<IReadOnlyList<FaultRule>> ClearFaultsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<FaultRule>>(HttpMethod.Delete, "_control/faults", null, cancellationToken);

    /// <summary>Armed faults with their remaining counts.</summary>
    public Task<IReadOnlyList<FaultRule>> GetFaultsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<FaultRule>>(HttpMethod.Get, "_control/faults", null, cancellationToken);

    /// <summary>Pushes state codes (an empty list = outage 4, 5, 2, 6); returns how many logins were reached.</summary>
    public async Task<int> InjectStateAsync(StateInjection injection, CancellationToken cancellationToken = default)
    {
        var reply = await SendAsync<JsonElement>(HttpMethod.Post, "_control/state", injection, cancellationToken);
        return reply.GetProperty("logins").GetInt32();
    }

    /// <summary>The venue's truth: every account's orders, fills and net position.</summary>
    public Task<VenueTruth> GetTruthAsync(CancellationToken cancellationToken = default) =>
        SendAsync<VenueTruth>(HttpMethod.Get, "_control/state", null, cancellationToken);

    /// <summary>Sets a mid and/or steps the market; returns the mids.</summary>
    public Task<IReadOnlyDictionary<string, decimal>> MarketAsync(MarketCommand command, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyDictionary<string, decimal>>(HttpMethod.Post, "_control/market", command, cancellationToken);

    /// <summary>Replaces the venue's quirk switches (e.g. a <c>QuantGatewayQuirks</c>).</summary>
    public Task<JsonElement> SetQuirksAsync<T>(T quirks, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, "_control/quirks", quirks, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsHttp)
        {
            http.Dispose();
        }
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ControlJson.Options);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(ControlJson.Options, cancellationToken))!;
    }
}
