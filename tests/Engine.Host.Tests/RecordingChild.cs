using Akka.Actor;

namespace Engine.Host.Tests;

/// <summary>
/// A stand-in child: tells the probe "&lt;name&gt; started" on each incarnation, throws any exception it is sent,
/// and forwards everything else to the probe as "&lt;name&gt;: &lt;message&gt;" before echoing it to the sender.
/// </summary>
internal sealed class RecordingChild : ReceiveActor
{
    private readonly string _name;
    private readonly IActorRef _probe;

    public RecordingChild(string name, IActorRef probe)
    {
        _name = name;
        _probe = probe;
        Receive<Exception>(ex => throw ex);
        ReceiveAny(message =>
        {
            _probe.Tell($"{_name}: {message}");
            Sender.Tell(message, Self);
        });
    }

    public static Props Props(string name, IActorRef probe) => Akka.Actor.Props.Create(() => new RecordingChild(name, probe));

    protected override void PreStart() => _probe.Tell($"{_name} started");
}
