using Akka.Actor;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Grpc.Streams;

/// <summary>
/// What a stream's actor tells the front about its subscription, from inside the actor: <see cref="Opened"/> when the
/// desk confirmed it (before any item), <see cref="Closed"/> when the actor stops (before it unsubscribes).
/// </summary>
internal sealed record StreamHooks(Action<SubscriptionId, IActorRef> Opened, Action<SubscriptionId, IActorRef> Closed);
