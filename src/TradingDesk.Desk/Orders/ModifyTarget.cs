using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.Orders;

/// <summary>
/// How the market-rule book learns the contract of the order a <see cref="OrderCommands.ModifyOrder"/> changes: the
/// command names only the order id, and the contract lives in the order manager's book. Both actors are children of
/// one DeskActor, so these messages never leave the desk's node (a modification from another node arrives at the
/// DeskActor as the ModifyOrder it is); they carry refs and are not verified for serialization.
/// </summary>
internal static class ModifyTarget
{
    /// <summary>
    /// From the market-rule book to the order manager: which contract does the order of <paramref name="Modify"/>
    /// trade, for <paramref name="Asker"/> (the strategy that sent it, whose ownership is checked as the modification's
    /// will be)? Answered <see cref="Found"/> or <see cref="Refused"/>. An order command, so the order manager's
    /// supervisor holds it while the manager recovers and answers it RequestFailed(JournalUnavailable) while none runs.
    /// </summary>
    internal sealed record Find(OrderCommands.ModifyOrder Modify, IActorRef Asker) : IOrderCommand, INoSerializationVerificationNeeded;

    /// <summary>The order is this desk's, the asker's and working; its prices go on <paramref name="Contract"/>'s grid.</summary>
    internal sealed record Found(Find Query, ContractSpec Contract) : INoSerializationVerificationNeeded;

    /// <summary>
    /// The modification cannot apply (the order is unknown, another strategy's or no longer working), in the words the
    /// order manager would refuse the modification with: the book refuses it so, and nothing is rounded or sent.
    /// </summary>
    internal sealed record Refused(Find Query, DeskFailure Failure) : INoSerializationVerificationNeeded;
}
