using Akka.Actor;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;

namespace Engine.Bench.Logins;

/// <summary>
/// Watches <see cref="ConnectionStateChanged"/> on the event stream and completes <see cref="Expect.Done"/> once that
/// many distinct logins have been <see cref="ConnectionState.Ready"/>; a fatal state fails it.
/// </summary>
public sealed class ReadyCounterActor : ReceiveActor
{
    private readonly HashSet<LoginId> _ready = [];
    private Expect? _expect;

    /// <summary>Counts from its start; send <see cref="Expect"/> before the logins start.</summary>
    public ReadyCounterActor()
    {
        Receive<Expect>(e =>
        {
            _expect = e;
            Sender.Tell(e, Self);
        });
        Receive<ConnectionStateChanged>(OnChanged);
    }

    /// <inheritdoc />
    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(ConnectionStateChanged));

    private void OnChanged(ConnectionStateChanged changed)
    {
        if (changed.IsFatal)
        {
            _expect?.Done.TrySetException(new InvalidOperationException($"login {changed.Login} failed for good: {changed.VenueCode} {changed.VenueText}"));
            return;
        }

        if (changed.State == ConnectionState.Ready && _ready.Add(changed.Login) && _expect is { } expect && _ready.Count == expect.Logins)
        {
            expect.Done.TrySetResult();
        }
    }

    /// <summary>Complete <paramref name="Done"/> when <paramref name="Logins"/> logins are ready; echoed back once armed.</summary>
    public sealed record Expect(int Logins, TaskCompletionSource Done);
}
