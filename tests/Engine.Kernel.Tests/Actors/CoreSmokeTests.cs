using Engine.Kernel.Actors;

namespace Engine.Kernel.Tests.Actors;

public class CoreSmokeTests
{
    private sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            Receive<string>(s => Sender.Tell("echo:" + s));
            Receive<int>(_ => throw new InvalidOperationException("boom"));
        }
    }

    [Fact]
    public async Task Ask_round_trips_and_restart_keeps_serving()
    {
        var sys = ActorSystem.Create("smoke");
        var echo = sys.ActorOf(Props.Create<Echo>(), "echo");
        Assert.Equal("echo:a", await echo.Ask<string>("a", TimeSpan.FromSeconds(5)));
        echo.Tell(1);
        Assert.Equal("echo:b", await echo.Ask<string>("b", TimeSpan.FromSeconds(5)));
        Assert.Equal("engine://smoke/user/echo", echo.Path.ToString());
        await sys.Terminate().WaitAsync(TimeSpan.FromSeconds(5));
    }
}
