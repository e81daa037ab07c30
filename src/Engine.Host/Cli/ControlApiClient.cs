using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Engine.Host.Api;
using Microsoft.AspNetCore.Mvc;

namespace Engine.Host.Cli;

/// <summary>
/// The CLI's client of a running engine's control API: the base address (<c>--url</c>), the bearer token from the
/// environment when set, JSON bodies (source-generated). A refusal is turned into <see cref="ControlApiException"/> with
/// the problem's detail; an engine that does not answer into one that says so.
/// </summary>
internal sealed class ControlApiClient : IDisposable
{
    private readonly HttpClient _http;

    public ControlApiClient(Uri baseAddress, string? token)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Task<ApiStatus> StatusAsync(CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/status"), ApiJsonContext.Default.ApiStatus, cancellationToken);

    public Task<ApiStateResult> SetStateAsync(string verb, ApiStateCommand command, CancellationToken cancellationToken) =>
        SendAsync(
            new HttpRequestMessage(HttpMethod.Post, $"api/{verb}") { Content = JsonContent.Create(command, ApiJsonContext.Default.ApiStateCommand) },
            ApiJsonContext.Default.ApiStateResult,
            cancellationToken);

    public Task<ApiCancelAllResult> CancelAllAsync(string login, CancellationToken cancellationToken) =>
        SendAsync(
            new HttpRequestMessage(HttpMethod.Post, $"api/logins/{Uri.EscapeDataString(login)}/cancel-all") { Content = JsonContent.Create(new ApiStateCommand(), ApiJsonContext.Default.ApiStateCommand) },
            ApiJsonContext.Default.ApiCancelAllResult,
            cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<T> SendAsync<T>(HttpRequestMessage request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new ControlApiException($"no engine answers at {_http.BaseAddress} ({ex.Message}); is `engine run` running, and is --url its engine.api address?");
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    var problem = await TryReadProblemAsync(response, cancellationToken);
                    throw new ControlApiException($"{(int)response.StatusCode} {problem?.Title ?? response.ReasonPhrase}: {problem?.Detail ?? "no detail"}");
                }

                return await response.Content.ReadFromJsonAsync(type, cancellationToken)
                    ?? throw new ControlApiException($"the engine at {_http.BaseAddress} answered an empty body");
            }
        }
    }

    private static async Task<ProblemDetails?> TryReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(ApiJsonContext.Default.ProblemDetails, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
