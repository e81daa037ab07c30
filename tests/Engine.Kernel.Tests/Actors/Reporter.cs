using Engine.Kernel.Actors;

namespace Engine.Kernel.Tests.Actors;

/// <summary>
/// Test actor: reports its lifecycle to a probe as "name:prestart" etc.; an int adds to its state, "get" replies the
/// state, an Exception is thrown, a Props creates a child (reply: its ref).
/// </summary>
public sealed class Reporter : ReceiveActor
{
    private readonly IActorRef _probe;
    private readonly string _name;
    private int _state;

    public Reporter(IActorRef probe, string name)
    {
        _probe = probe;
        _name = name;
        Receive<int>(i => _state += i);
        Receive<string>(s => s == "get", _ => Sender.Tell(_state));
        Receive<Exception>(e => throw e);
        Receive<(Props Props, string Name)>(p => Sender.Tell(Context.ActorOf(p.Props, p.Name)));
    }

    public static Props Props(IActorRef probe, string name) => Engine.Kernel.Actors.Props.Create(() => new Reporter(probe, name));

    protected override void PreStart() => _probe.Tell($"{_name}:prestart");

    protected override void PostStop() => _probe.Tell($"{_name}:poststop");

    protected override void PreRestart(Exception reason, object? message)
    {
        _probe.Tell($"{_name}:prerestart:{reason.Message}");
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _probe.Tell($"{_name}:postrestart");
        base.PostRestart(reason);
    }
}
