using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Engine.Persistence.Tests.Support;

namespace Engine.Persistence.Tests.Contract;

/// <summary>Akka.Persistence.Query: current and live, by persistence id and by tag (tags from the write event adapter).</summary>
public abstract partial class PersistenceContract
{
    [ContractFact]
    public void CurrentEventsByPersistenceId_returns_the_stored_range_and_completes()
    {
        var actor = Start("q-current");
        Write(actor, "a", "b", "c");
        Write(actor, "d");

        var query = (ICurrentEventsByPersistenceIdQuery)ReadJournal;
        var all = Run(query.CurrentEventsByPersistenceId("q-current", 0, long.MaxValue));
        Assert.Equal(["a", "b", "c", "d"], all.Select(e => ((Evt)e.Event).Value));
        Assert.Equal([1L, 2L, 3L, 4L], all.Select(e => e.SequenceNr));
        Assert.All(all, e => Assert.Equal("q-current", e.PersistenceId));

        var range = Run(query.CurrentEventsByPersistenceId("q-current", 2, 3));
        Assert.Equal([2L, 3L], range.Select(e => e.SequenceNr));
    }

    [ContractFact]
    public void EventsByPersistenceId_follows_new_events()
    {
        var actor = Start("q-live");
        Write(actor, "a");
        var live = ((IEventsByPersistenceIdQuery)ReadJournal).EventsByPersistenceId("q-live", 0, long.MaxValue)
            .Take(3)
            .RunWith(Sink.Seq<EventEnvelope>(), Sys.Materializer());
        Write(actor, "b");
        Write(actor, "c");

        Assert.True(live.Wait(Patience), "the live query did not see the new events");
        Assert.Equal(["a", "b", "c"], live.Result.Select(e => ((Evt)e.Event).Value));
    }

    [ContractFact]
    public void CurrentEventsByTag_returns_tagged_events_in_order_and_resumes_after_an_offset()
    {
        var red = Start("tag-red");
        var blue = Start("tag-blue");
        WriteEvents(red, [new Evt("r1", "red")]);
        WriteEvents(blue, [new Evt("b1", "blue")]);
        WriteEvents(red, [new Evt("r2", "red"), new Evt("plain")]);
        WriteEvents(blue, [new Evt("r3", "red")]);

        var query = (ICurrentEventsByTagQuery)ReadJournal;
        var all = Run(query.CurrentEventsByTag("red", Offset.NoOffset()));
        Assert.Equal(["r1", "r2", "r3"], all.Select(e => ((Evt)e.Event).Value));
        Assert.All(all, e => Assert.IsType<Sequence>(e.Offset));

        var rest = Run(query.CurrentEventsByTag("red", all[0].Offset));
        Assert.Equal(["r2", "r3"], rest.Select(e => ((Evt)e.Event).Value));
        Assert.Empty(Run(query.CurrentEventsByTag("green", Offset.NoOffset())));
    }

    [ContractFact]
    public void EventsByTag_follows_new_tagged_events()
    {
        var actor = Start("tag-live");
        WriteEvents(actor, [new Evt("g1", "green")]);
        var live = ((IEventsByTagQuery)ReadJournal).EventsByTag("green", Offset.NoOffset())
            .Take(3)
            .RunWith(Sink.Seq<EventEnvelope>(), Sys.Materializer());
        WriteEvents(actor, [new Evt("x"), new Evt("g2", "green")]);
        WriteEvents(Start("tag-live-2"), [new Evt("g3", "green")]);

        Assert.True(live.Wait(Patience), "the live tag query did not see the new events");
        Assert.Equal(["g1", "g2", "g3"], live.Result.Select(e => ((Evt)e.Event).Value));
    }
}
