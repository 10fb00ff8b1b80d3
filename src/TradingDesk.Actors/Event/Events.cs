namespace TradingDesk.Actors.Event;

/// <summary>
/// A message that could not be delivered: its recipient had stopped, or its bounded mailbox was full.
/// Published on the EventStream and logged.
/// </summary>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);

/// <summary>A message that an actor's behavior did not handle. Published on the EventStream.</summary>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);

/// <summary>
/// An actor failed: a handler, constructor or lifecycle hook threw. Published on the EventStream (and
/// logged as an error) whatever the supervisor then decides.
/// </summary>
public sealed record Error(IActorRef Actor, Type ActorType, Exception Cause, string Message);
