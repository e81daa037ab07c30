using Engine.Simulator.Hosting;
using Engine.Simulator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Simulator.Tests;

public class HostingTests
{
    [Fact]
    public async Task Host_binds_loopback_on_an_ephemeral_port_and_reports_it()
    {
        await using var host = await SimulatorHost.StartAsync("quant-gateway", QuantTestClient.Options());
        Assert.NotEqual(0, host.Port);
        Assert.Equal($"ws://127.0.0.1:{host.Port}/ws/v1", host.WebSocketUri.ToString());
        Assert.Equal("quant-gateway", host.Venue.Venue);
    }

    [Fact]
    public async Task Unknown_venue_names_the_known_ones()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => SimulatorHost.StartAsync("nasdaq", new SimulatorOptions()));
        Assert.Contains("quant-gateway", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runner_serves_until_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var run = SimulatorRunner.RunAsync("quant-gateway", 0, QuantTestClient.Options(), NullLoggerFactory.Instance, cts.Token);
        Assert.False(run.IsCompleted);
        await cts.CancelAsync();
        await run.WaitAsync(QuantTestClient.Timeout);
        Assert.True(run.IsCompletedSuccessfully);
    }

    [Fact]
    public void Account_options_never_print_the_secret()
    {
        var text = DemoAccounts.Spot.ToString();
        Assert.Contains("demo-spot-key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-spot-secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_fail_at_start_naming_the_section()
    {
        var options = new SimulatorOptions
        {
            Market = new() { Levels = 0 },
            Accounts = [DemoAccounts.Spot, DemoAccounts.Spot],
        };
        var ex = await Assert.ThrowsAsync<System.ComponentModel.DataAnnotations.ValidationException>(() => SimulatorHost.StartAsync("quant-gateway", options));
        Assert.Contains("market.Levels", ex.Message, StringComparison.Ordinal);
        Assert.Contains("demo-spot-key", ex.Message, StringComparison.Ordinal);
        Assert.Empty(SimulatorOptionsValidator.Validate(new SimulatorOptions()));
    }

    [Fact]
    public async Task A_port_in_use_fails_start_with_the_socket_error()
    {
        await using var first = await SimulatorHost.StartAsync("quant-gateway", QuantTestClient.Options());
        await Assert.ThrowsAnyAsync<IOException>(() => SimulatorHost.StartAsync("quant-gateway", QuantTestClient.Options(), first.Port));
    }
}
