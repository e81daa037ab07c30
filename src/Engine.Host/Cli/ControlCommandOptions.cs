using System.CommandLine;

namespace Engine.Host.Cli;

/// <summary>
/// What every command that talks to a running engine shares: <c>--url</c> (the engine's <c>engine.api</c> address) and
/// the bearer token from <c>ENGINE_API_TOKEN</c>; running the request and printing its failure.
/// </summary>
internal static class ControlCommandOptions
{
    /// <summary>The environment variable the CLI reads the token from (the engine's default <c>engine.api.token-variable</c>).</summary>
    public const string TokenVariable = "ENGINE_API_TOKEN";

    /// <summary>The environment variable that gives the default of <c>--url</c>.</summary>
    public const string UrlVariable = "ENGINE_API_URL";

    public static Option<Uri> Url() => new("--url")
    {
        Description = "Address of the running engine's control API, as `engine run` prints it. Default: $ENGINE_API_URL, else http://127.0.0.1:8080/.",
        DefaultValueFactory = _ => Uri.TryCreate(Environment.GetEnvironmentVariable(UrlVariable), UriKind.Absolute, out var fromEnvironment)
            ? fromEnvironment
            : new Uri("http://127.0.0.1:8080/"),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"--url: '{text}' is not an http address; expected e.g. http://127.0.0.1:8080/");
            return null;
        },
    };

    /// <summary>Runs <paramref name="action"/> against the engine at <paramref name="url"/>; prints a refusal to stderr and exits 1.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Option<Uri> url, Func<ControlApiClient, TextWriter, Task> action)
    {
        var address = parse.GetValue(url)!;
        using var client = new ControlApiClient(address, Environment.GetEnvironmentVariable(TokenVariable));
        try
        {
            await action(client, parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        }
        catch (ControlApiException ex)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"engine {parse.CommandResult.Command.Name}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
