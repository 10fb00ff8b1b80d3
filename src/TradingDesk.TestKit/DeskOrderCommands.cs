using Akka.Actor;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Testing;

/// <summary>A CancelOrder a strategy sent to a <see cref="DeskProbe"/>.</summary>
public sealed class DeskCancel : DeskRequest<OrderCommands.CancelOrder>
{
    internal DeskCancel(DeskProbe desk, OrderCommands.CancelOrder command, IActorRef sender) : base(desk, command, sender)
    {
    }

    /// <summary>The desk's reply: <see cref="OrderEvents.CancelSent"/> (the cancel is on its way; the order still works).</summary>
    public DeskCancel Confirm()
    {
        Reply(new OrderEvents.CancelSent(Command.OrderId));
        return this;
    }

    /// <summary>
    /// The whole cancel: CancelSent to the sender, then OrderStatusChanged(Cancelled) to the order's owner (the order must
    /// have been placed and accepted through this probe).
    /// </summary>
    public void Cancelled()
    {
        Confirm();
        Desk.OrderOf(Command.OrderId).Cancelled();
    }
}

/// <summary>A ModifyOrder a strategy sent to a <see cref="DeskProbe"/>.</summary>
public sealed class DeskModify : DeskRequest<OrderCommands.ModifyOrder>
{
    internal DeskModify(DeskProbe desk, OrderCommands.ModifyOrder command, IActorRef sender) : base(desk, command, sender)
    {
    }

    /// <summary>The desk's reply: <see cref="OrderEvents.OrderModifySent"/> (re-sent under the same id).</summary>
    public DeskModify Confirm()
    {
        Reply(new OrderEvents.OrderModifySent(Command.OrderId));
        return this;
    }
}
