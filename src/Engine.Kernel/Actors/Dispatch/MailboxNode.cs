namespace Engine.Kernel.Actors.Dispatch;

/// <summary>Node of the intrusive multi-producer single-consumer user queue (one allocation per message).</summary>
internal sealed class MailboxNode
{
    public object? Message;
    public IActorRef? Sender;
    public MailboxNode? Next;
}
