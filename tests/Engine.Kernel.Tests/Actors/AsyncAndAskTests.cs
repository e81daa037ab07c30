using Engine.Kernel.Actors;
using Engine.TestKit;

namespace Engine.Kernel.Tests.Actors;

public class AsyncAndAskTests : TestKitBase
{
    [Fact]
    public void ReceiveAsync_suspends_the_mailbox_until_the_task_completes_and_keeps_the_sender()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorker(gate.Task, TestActor)), "async");
        actor.Tell("go", TestActor);
        actor.Tell(1, TestActor);
        ExpectMsg("started");
        ExpectNoMsg();

        gate.SetResult();

        Assert.Equal(TestActor, ExpectMsg<IActorRef>());
        ExpectMsg(1);
    }

    [Fact]
    public void A_faulted_ReceiveAsync_task_goes_to_supervision()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new AsyncWorker(gate.Task, TestActor)), "async");
        actor.Tell("go", TestActor);
        ExpectMsg("started");

        gate.SetException(new InvalidOperationException("async boom"));

        ExpectMsg("restarted:async boom");
    }

    [Fact]
    public async Task Ask_completes_with_the_reply()
    {
        var actor = Sys.ActorOf(Reporter.Props(TestActor, "r"), "r");
        actor.Tell(3);

        Assert.Equal(3, await actor.Ask<int>("get"));
    }

    [Fact]
    public async Task Ask_times_out_on_virtual_time_naming_target_and_message_type()
    {
        var silent = CreateTestProbe();
        var ask = silent.Ref.Ask<int>("hello", TimeSpan.FromSeconds(5));
        silent.ExpectMsg("hello");
        Assert.False(ask.IsCompleted);

        Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
        Assert.Contains(silent.Ref.Path.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("System.String", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_fails_with_the_cause_of_a_status_failure()
    {
        var probe = CreateTestProbe();
        var ask = probe.Ref.Ask<int>("q");
        probe.ExpectMsg("q");
        probe.Reply(new Status.Failure(new InvalidOperationException("nope")));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ask);
        Assert.Equal("nope", error.Message);
    }

    [Fact]
    public async Task Ask_with_a_reply_of_the_wrong_type_fails_clearly()
    {
        var probe = CreateTestProbe();
        var ask = probe.Ref.Ask<int>("q");
        probe.ExpectMsg("q");
        probe.Reply("not an int");

        var error = await Assert.ThrowsAsync<InvalidCastException>(() => ask);
        Assert.Contains("System.Int32", error.Message, StringComparison.Ordinal);
        Assert.Contains("System.String", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_can_be_cancelled()
    {
        var probe = CreateTestProbe();
        using var cts = new CancellationTokenSource();
        var ask = probe.Ref.Ask<int>("q", cancellationToken: cts.Token);
        probe.ExpectMsg("q");

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
    }

    [Fact]
    public async Task Ask_to_nobody_fails_at_once()
    {
        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => ActorRefs.Nobody.Ask<int>("q"));
        Assert.Contains("System.String", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_first_reply_completes_an_ask()
    {
        var probe = CreateTestProbe();
        var ask = probe.Ref.Ask<int>("q");
        probe.ExpectMsg("q");
        probe.Reply(1);
        probe.Reply(2);

        Assert.Equal(1, await ask);
    }

    [Fact]
    public void PipeTo_delivers_results_and_failures()
    {
        Task.FromResult(42).PipeTo(TestActor);
        ExpectMsg(42);

        Task.FromResult(42).PipeTo(TestActor, success: v => $"got {v}");
        ExpectMsg("got 42");

        Task.FromException<int>(new InvalidOperationException("bad")).PipeTo(TestActor);
        Assert.Equal("bad", ExpectMsg<Status.Failure>().Cause.Message);

        Task.FromException<int>(new InvalidOperationException("bad")).PipeTo(TestActor, failure: e => "failed: " + e.Message);
        ExpectMsg("failed: bad");
    }

    private sealed class AsyncWorker : ReceiveActor
    {
        private readonly IActorRef _probe;

        public AsyncWorker(Task gate, IActorRef probe)
        {
            _probe = probe;
            ReceiveAsync<string>(async _ =>
            {
                probe.Tell("started");
                await gate;
                probe.Tell(Sender);
            });
            Receive<int>(i => probe.Tell(i));
        }

        protected override void PostRestart(Exception reason) => _probe.Tell("restarted:" + reason.Message);
    }
}
