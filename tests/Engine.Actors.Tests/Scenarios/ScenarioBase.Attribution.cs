using Akka.Actor;
using Engine.Actors.Audit;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Scenarios;

/// <summary>The attribution runs' waits (every order answered, the book settled), the drain and the book's view, for any venue.</summary>
public abstract partial class ScenarioBase
{
    /// <summary>
    /// Waits until the venue has answered or seen <paramref name="orders"/> orders, then lets the lost replies time out (virtual time) and waits
    /// until the book has nothing awaiting a reply and no report held.
    /// </summary>
    protected async Task SettleAsync(int orders)
    {
        // Every order either reached the venue or was refused (locally, or by the connection during the outage); a
        // refused order the venue also recorded is counted twice, which only ends this wait earlier.
        await AwaitAssertAsync(async () =>
        {
            var view = await BookViewAsync();
            var seen = (await Control.GetTruthAsync()).Accounts.Sum(a => a.Orders.Count);
            var refused = view.Orders.Count(o => o.Status == OrderStatus.Rejected);
            Assert.True(seen + refused >= orders,
                $"venue {seen}, refused {refused}, book: {string.Join(", ", view.Orders.GroupBy(o => o.Status).Select(g => $"{g.Key} {g.Count()}"))}, held {view.HeldReports}");
        }, Wait * 8, TimeSpan.FromMilliseconds(200));

        // One virtual second at a time, each given real time to play out (the venue and the sockets run in real time).
        for (var step = 0; step < 40; step++)
        {
            Advance(TimeSpan.FromSeconds(1));
            try
            {
                await AwaitAssertAsync(
                    async () =>
                    {
                        var view = await BookViewAsync();
                        Assert.True(view.HeldReports == 0
                            && !view.Orders.Any(o => o.Status == OrderStatus.Submitted || (o.Status == OrderStatus.Unknown && o.VenueOrderId is null)));
                    },
                    TimeSpan.FromMilliseconds(300),
                    TimeSpan.FromMilliseconds(50));
                return;
            }
            catch (Xunit.Sdk.XunitException) when (step < 39)
            {
            }
        }
    }

    /// <summary>The external orders and the first orders left unknown, with their timelines, for a failure message.</summary>
    protected static string AttributionDiagnostics(AuditReport report) =>
        $"external {report.ExternalOrders.Length}: {string.Join(" | ", report.ExternalOrders.Select(o => string.Join(", ", o.Timeline.Select(t => t.Event + " " + t.Detail))))}" + Environment.NewLine +
        string.Join(Environment.NewLine, report.Orders.Where(o => o.Final.Status == OrderStatus.Unknown).Take(3)
            .Select(o => o.Final.ClientOrderId + ": " + string.Join(", ", o.Timeline.Select(t => t.Event + " " + t.Detail))));

    /// <summary>The order book of <see cref="Login"/> as it stands.</summary>
    protected Task<OrdersView> BookViewAsync() =>
        Sys.ActorSelection($"{Connections.Path}/{Login.Value}/connection/orders").Ask<OrdersView>(GetOrders.Instance, Wait);

    /// <summary>Drains every connection (cancelling working orders), moving time in quarter seconds until it answers.</summary>
    protected ConnectionsDrained Drain()
    {
        var answer = CreateTestProbe();
        Connections.Tell(new DrainConnections(CancelWorkingOrders: true), answer.Ref);
        return AdvanceUntil<ConnectionsDrained>(TimeSpan.FromMilliseconds(250), _ => true, maxSteps: 120, probe: answer);
    }
}
