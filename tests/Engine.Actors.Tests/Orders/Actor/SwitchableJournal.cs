using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Engine.Actors.Orders;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>
/// An Akka.Persistence journal plugin for tests whose writes can fail, be rejected or be held on demand
/// (<see cref="SwitchableStorage"/>, shared with the test through the actor system). Writes are applied strictly in the
/// order the journal actor received them, whatever the gate does; a failed write fails the whole call (the persistent
/// actor's <c>OnPersistFailure</c>), a rejected one is reported per write (<c>OnPersistRejected</c>).
/// </summary>
public sealed class SwitchableJournal : AsyncWriteJournal
{
    /// <summary>Config path of the plugin.</summary>
    public const string PluginId = "akka.persistence.journal.switchable";

    private readonly SwitchableStorage _storage = SwitchableStorage.For(Context.System);
    private Task _tail = Task.CompletedTask;

    /// <summary>
    /// HOCON that makes this plugin the default journal, with the order journal's event adapters (tagging on write,
    /// upcasting on read) bound on it as <see cref="OrderJournal.AkkaConfig"/> binds them.
    /// </summary>
    public static string Hocon { get; } = $$"""
        akka.persistence.journal.plugin = "{{PluginId}}"
        {{PluginId}} {
          class = "{{typeof(SwitchableJournal).FullName}}, {{typeof(SwitchableJournal).Assembly.GetName().Name}}"
          plugin-dispatcher = "akka.actor.default-dispatcher"
        }
        {{OrderJournal.AkkaConfig(PluginId).Root}}
        """;

    public override Task ReplayMessagesAsync(IActorContext context, string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<IPersistentRepresentation> recoveryCallback)
    {
        ArgumentNullException.ThrowIfNull(recoveryCallback);
        foreach (var repr in _storage.Read(persistenceId, fromSequenceNr, toSequenceNr, max))
        {
            recoveryCallback(repr);
        }

        return Task.CompletedTask;
    }

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) =>
        Task.FromResult(_storage.HighestSequenceNr(persistenceId));

    protected override Task<IImmutableList<Exception?>?> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        var write = WriteAfterAsync(_tail, [.. messages]);
        _tail = write.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return write;
    }

    protected override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        _storage.DeleteTo(persistenceId, toSequenceNr);
        return Task.CompletedTask;
    }

    private async Task<IImmutableList<Exception?>?> WriteAfterAsync(Task previous, List<AtomicWrite> writes)
    {
        await previous;
        await _storage.PassGateAsync();
        if (_storage.FailWrites)
        {
            throw new IOException("disk full (test)");
        }

        return _storage.Append(writes);
    }
}
