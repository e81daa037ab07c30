namespace Engine.Kernel.Actors;

/// <summary>The unbounded stash of one actor; used only on the actor's mailbox thread.</summary>
internal sealed class ActorStash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _items = [];

    public int Count => _items.Count;

    public void Stash()
    {
        var message = cell.CurrentMessage
            ?? throw new InvalidOperationException("Stash() can only be called while handling a message.");
        _items.Add(new Envelope(message, cell.CurrentSender));
    }

    public void Unstash()
    {
        if (_items.Count == 0)
        {
            return;
        }

        var first = _items[0];
        _items.RemoveAt(0);
        cell.Prepend([first]);
    }

    public void UnstashAll()
    {
        if (_items.Count == 0)
        {
            return;
        }

        cell.Prepend(_items);
        _items.Clear();
    }

    /// <summary>Sends everything stashed to dead letters (restart and stop).</summary>
    public void DropToDeadLetters()
    {
        foreach (var item in _items)
        {
            cell.System.PublishDeadLetter(item.Message, item.Sender, cell);
        }

        _items.Clear();
    }
}
