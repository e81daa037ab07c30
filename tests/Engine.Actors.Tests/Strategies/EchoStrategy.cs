using Akka.Actor;
using Engine.Actors.Strategies;

namespace Engine.Actors.Tests.Strategies;

/// <summary>
/// A test plugin that reports its lifecycle to the "connections" probe: <see cref="Started"/> with its ref on start,
/// <see cref="Stopped"/> on stop; it echoes strings, throws on "boom" and stops itself on "quit".
/// </summary>
public sealed class EchoStrategy : StrategyActor
{
    public EchoStrategy(StrategyContext context)
        : base(context)
    {
        Receive<string>(text =>
        {
            switch (text)
            {
                case "boom":
                    throw new InvalidOperationException($"{Name} was told to fail");
                case "quit":
                    StopStrategy("told to quit");
                    break;
                default:
                    Connections.Tell(new Echo(Name, text), Self);
                    break;
            }
        });
    }

    protected override void OnStart() => Connections.Tell(new Started(Name, Self), Self);

    protected override void OnStop() => Connections.Tell(new Stopped(Name), Self);

    public sealed record Started(string Name, IActorRef Ref);

    public sealed record Stopped(string Name);

    public sealed record Echo(string Name, string Text);
}
