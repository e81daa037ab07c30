using System.CommandLine;
using System.Net.Http.Json;
using Engine.Host.Api;

namespace Engine.Host.Cli;

/// <summary>
/// <c>engine health [--live] [--url U]</c>: asks the running engine's <c>/health/ready</c> (or <c>/health/live</c>) and
/// exits 0 when it is, 1 otherwise, printing the problems; the Docker healthcheck runs it (the runtime image has no curl).
/// </summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var url = ControlCommandOptions.Url();
        var live = new Option<bool>("--live") { Description = "Only check that the engine answers (default: ready, i.e. journal answering and every enabled login Ready)." };
        var command = new Command("health", "Check the running engine's health: exit 0 when ready (or live with --live).") { live, url };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = new HttpClient { BaseAddress = parse.GetValue(url), Timeout = TimeSpan.FromSeconds(5) };
            var path = parse.GetValue(live) ? "health/live" : "health/ready";
            try
            {
                using var response = await http.GetAsync(path, cancellationToken);
                var health = await response.Content.ReadFromJsonAsync(ApiJsonContext.Default.ApiHealth, cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync(
                    health is null ? response.StatusCode.ToString() : string.Join("; ", [health.Status, .. health.Problems]));
                return response.IsSuccessStatusCode ? ExitCodes.Success : ExitCodes.Failure;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"engine health: no answer from {http.BaseAddress}{path}: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
