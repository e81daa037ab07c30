using Engine.Kernel.Actors;
using Engine.TestKit;

namespace Engine.Kernel.Tests.Actors;

public class EventStreamTests : TestKitBase
{
    public interface IMarked;

    public record BaseEvent(int N);

    public sealed record DerivedEvent(int N) : BaseEvent(N), IMarked;

    public sealed record Other(int N);

    [Fact]
    public void Events_reach_subscribers_of_base_types_and_interfaces_once_each()
    {
        var byBase = CreateTestProbe();
        var byInterface = CreateTestProbe();
        var byBoth = CreateTestProbe();
        Sys.EventStream.Subscribe(byBase.Ref, typeof(BaseEvent));
        Sys.EventStream.Subscribe(byInterface.Ref, typeof(IMarked));
        Sys.EventStream.Subscribe(byBoth.Ref, typeof(BaseEvent));
        Sys.EventStream.Subscribe(byBoth.Ref, typeof(IMarked));

        Sys.EventStream.Publish(new DerivedEvent(1));
        Sys.EventStream.Publish(new BaseEvent(2));
        Sys.EventStream.Publish(new Other(3));

        byBase.ExpectMsg(new DerivedEvent(1));
        byBase.ExpectMsg(new BaseEvent(2));
        byInterface.ExpectMsg(new DerivedEvent(1));
        byBoth.ExpectMsg(new DerivedEvent(1));
        byBoth.ExpectMsg(new BaseEvent(2));
        byBase.ExpectNoMsg();
        byInterface.ExpectNoMsg();
        byBoth.ExpectNoMsg();
    }

    [Fact]
    public void Unsubscribe_stops_delivery()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(BaseEvent));
        Sys.EventStream.Subscribe(TestActor, typeof(Other));
        Assert.True(Sys.EventStream.Unsubscribe(TestActor, typeof(BaseEvent)));
        Sys.EventStream.Publish(new BaseEvent(1));
        Sys.EventStream.Publish(new Other(1));
        ExpectMsg(new Other(1));

        Sys.EventStream.Unsubscribe(TestActor);
        Sys.EventStream.Publish(new Other(2));
        ExpectNoMsg();
    }

    [Fact]
    public void Messages_to_a_stopped_actor_are_published_as_dead_letters()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var actor = Sys.ActorOf(Reporter.Props(CreateTestProbe().Ref, "d"), "d");
        var watcher = CreateTestProbe();
        watcher.Watch(actor);
        Sys.Stop(actor);
        watcher.ExpectTerminated(actor);

        actor.Tell("late", watcher.Ref);

        var dead = ExpectMsg<DeadLetter>();
        Assert.Equal("late", dead.Message);
        Assert.Equal(actor, dead.Recipient);
        Assert.Equal(watcher.Ref, dead.Sender);
    }

    [Fact]
    public void Unhandled_messages_are_published()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Reporter.Props(CreateTestProbe().Ref, "u"), "u");

        actor.Tell(3.5m);

        var unhandled = ExpectMsg<UnhandledMessage>();
        Assert.Equal(3.5m, unhandled.Message);
        Assert.Equal(actor, unhandled.Recipient);
    }

    [Fact]
    public void A_stopped_subscriber_is_removed()
    {
        var subscriber = CreateTestProbe();
        Sys.EventStream.Subscribe(subscriber.Ref, typeof(Other));
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var watcher = CreateTestProbe();
        watcher.Watch(subscriber.Ref);
        Sys.Stop(subscriber.Ref);
        watcher.ExpectTerminated(subscriber.Ref);

        Sys.EventStream.Publish(new Other(1));

        ExpectNoMsg();
        Assert.False(Sys.EventStream.Unsubscribe(subscriber.Ref, typeof(Other)));
    }
}
