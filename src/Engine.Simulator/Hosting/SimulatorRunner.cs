using Microsoft.Extensions.Logging;

namespace Engine.Simulator.Hosting;

/// <summary>Entry point of <c>engine simulate --venue V --port P</c>.</summary>
public static class SimulatorRunner
{
    /// <summary>Serves <paramref name="venue"/> on 127.0.0.1:<paramref name="port"/> until <paramref name="cancellationToken"/> fires.</summary>
    public static async Task RunAsync(string venue, int port, SimulatorOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(typeof(SimulatorRunner));

        // The stand-alone simulator is its own composition root: it runs on the system clock.
#pragma warning disable RS0030
        var clock = TimeProvider.System;
#pragma warning restore RS0030
        await using var host = await SimulatorHost.StartAsync(venue, options, port, loggerFactory, clock, cancellationToken: cancellationToken);
        logger.LogInformation("Simulator {Venue} listening on {Uri}", venue, host.WebSocketUri);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, clock, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("Simulator {Venue} stopping", venue);
        }
    }
}
