using Microsoft.Extensions.Logging;

namespace Engine.Simulator.Hosting;

/// <summary>Entry point of <c>engine simulate --venue V --port P</c>.</summary>
public static class SimulatorRunner
{
    /// <summary>Serves <paramref name="venue"/> on 127.0.0.1:<paramref name="port"/> until <paramref name="cancellationToken"/> fires.</summary>
    public static async Task RunAsync(string venue, int port, SimulatorOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(typeof(SimulatorRunner));
        await using var host = await SimulatorHost.StartAsync(venue, options, port, loggerFactory, TimeProvider.System, cancellationToken);
        logger.LogInformation("Simulator {Venue} listening on {Uri}", venue, host.WebSocketUri);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("Simulator {Venue} stopping", venue);
        }
    }
}
