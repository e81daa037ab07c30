using Engine.Kernel.Actors;
using Microsoft.Extensions.Logging;

namespace Engine.Host.Runtime;

/// <summary>
/// Stand-in for a part of the engine tree that is composed elsewhere and not merged yet (see
/// <see cref="EngineComposition"/>). Logs "not wired yet" when it starts and answers every message by sending it
/// back, so the shutdown phases that ask it complete at once.
/// </summary>
public sealed class NotWiredYetActor : ReceiveActor
{
    private readonly string _part;

    /// <summary>Created by <see cref="Props"/> only.</summary>
    public NotWiredYetActor(string part)
    {
        _part = part;
        ReceiveAny(message => Sender.Tell(message, Self));
    }

    /// <summary>Props of a stand-in for <paramref name="part"/>.</summary>
    public static Props Props(string part) => Kernel.Actors.Props.Create(() => new NotWiredYetActor(part));

    /// <inheritdoc />
    protected override void PreStart() => Log.NotWiredYet(_part);
}
