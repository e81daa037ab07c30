using Engine.Kernel.Actors;
using Engine.Kernel.Actors.Supervision;
using Engine.TestKit;

namespace Engine.Kernel.Tests.Actors;

public class BackoffTests : TestKitBase
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(3, 800)]
    [InlineData(6, 6_400)]
    [InlineData(7, 10_000)]
    [InlineData(40, 10_000)]
    [InlineData(int.MaxValue, 10_000)]
    public void Delay_doubles_from_min_and_is_capped_at_max(int attempt, int expectedMs) =>
        Assert.Equal(
            TimeSpan.FromMilliseconds(expectedMs),
            Backoff.Delay(attempt, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), 0, new Random(1)));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(9)]
    public void Jitter_stays_within_the_random_factor_and_is_reproducible_with_a_seed(int attempt)
    {
        var min = TimeSpan.FromMilliseconds(100);
        var max = TimeSpan.FromSeconds(30);
        var baseline = Backoff.Delay(attempt, min, max, 0, new Random(7));

        var a = Backoff.Delay(attempt, min, max, 0.5, new Random(7));
        var b = Backoff.Delay(attempt, min, max, 0.5, new Random(7));

        Assert.Equal(a, b);
        Assert.InRange(a, baseline, TimeSpan.FromTicks(Math.Min(max.Ticks, (long)(baseline.Ticks * 1.5))));
    }

    [Fact]
    public async Task On_failure_the_child_is_recreated_after_an_exponential_delay_on_virtual_time()
    {
        var supervisor = Sys.ActorOf(
            BackoffSupervisor.Props(BackoffOptions.OnFailure(Reporter.Props(TestActor, "child"), "child", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0)),
            "backoff");
        ExpectMsg("child:prestart");

        supervisor.Tell(new InvalidOperationException("first"));
        ExpectMsg("child:poststop");
        await AwaitAbsentChild(supervisor);
        Advance(TimeSpan.FromMilliseconds(999));
        ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg("child:prestart");

        supervisor.Tell(new InvalidOperationException("second"));
        ExpectMsg("child:poststop");
        await AwaitAbsentChild(supervisor);
        Advance(TimeSpan.FromSeconds(1));
        ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("child:prestart");

        supervisor.Tell(5);
        supervisor.Tell("get", TestActor);
        ExpectMsg(5);
    }

    [Fact]
    public async Task On_stop_the_child_is_recreated_after_it_stops()
    {
        var supervisor = Sys.ActorOf(
            BackoffSupervisor.Props(BackoffOptions.OnStop(Reporter.Props(TestActor, "child"), "child", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), 0)),
            "backoff");
        ExpectMsg("child:prestart");

        var child = (await supervisor.Ask<CurrentChild>(GetCurrentChild.Instance)).Ref;
        child.Tell(PoisonPill.Instance);
        ExpectMsg("child:poststop");
        await AwaitAbsentChild(supervisor);
        Advance(TimeSpan.FromSeconds(2));

        ExpectMsg("child:prestart");
        Assert.Equal(1, (await supervisor.Ask<RestartCount>(GetRestartCount.Instance)).Count);
    }

    [Fact]
    public async Task The_supervisor_stops_after_max_retries()
    {
        var supervisor = Sys.ActorOf(
            BackoffSupervisor.Props(BackoffOptions.OnFailure(Reporter.Props(TestActor, "child"), "child", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0) with { MaxNrOfRetries = 1 }),
            "backoff");
        ExpectMsg("child:prestart");
        Watch(supervisor);

        supervisor.Tell(new InvalidOperationException("1"));
        ExpectMsg("child:poststop");
        await AwaitAbsentChild(supervisor);
        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("child:prestart");
        supervisor.Tell(new InvalidOperationException("2"));
        ExpectMsg("child:poststop");

        ExpectTerminated(supervisor);
    }

    [Fact]
    public async Task A_child_that_stayed_up_long_enough_resets_the_backoff()
    {
        var options = BackoffOptions.OnFailure(Reporter.Props(TestActor, "child"), "child", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0)
            with { ResetBackoffAfter = TimeSpan.FromSeconds(5) };
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(options), "backoff");
        ExpectMsg("child:prestart");
        supervisor.Tell(new InvalidOperationException("1"));
        ExpectMsg("child:poststop");
        await AwaitAbsentChild(supervisor);
        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("child:prestart");
        Assert.Equal(1, (await supervisor.Ask<RestartCount>(GetRestartCount.Instance)).Count);

        Advance(TimeSpan.FromSeconds(5));
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            while ((await supervisor.Ask<RestartCount>(GetRestartCount.Instance, cancellationToken: limit.Token)).Count != 0)
            {
                await Task.Yield();
            }
        }

        supervisor.Tell(new InvalidOperationException("2"));
        ExpectMsg("child:poststop");
        await AwaitAbsentChild(supervisor);
        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("child:prestart");
    }

    [Fact]
    public async Task Messages_are_dead_lettered_while_the_child_is_absent()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var supervisor = Sys.ActorOf(
            BackoffSupervisor.Props(BackoffOptions.OnFailure(Reporter.Props(TestActor, "child"), "child", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0)),
            "backoff");
        ExpectMsg("child:prestart");
        supervisor.Tell(new InvalidOperationException("x"));
        ExpectMsg("child:poststop");
        await AwaitAbsentChild(supervisor);

        supervisor.Tell(42);

        Assert.Equal(42, ExpectMsg<DeadLetter>().Message);
    }

    private static async Task AwaitAbsentChild(IActorRef supervisor)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while ((await supervisor.Ask<CurrentChild>(GetCurrentChild.Instance, cancellationToken: limit.Token)).Ref != ActorRefs.Nobody)
        {
            await Task.Yield();
        }
    }
}
