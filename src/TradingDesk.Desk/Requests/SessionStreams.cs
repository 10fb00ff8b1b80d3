using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.DisplayGroupMessages;
using static TradingDesk.Desk.Messages.MultiAccountMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>reqPositionsMulti / cancelPositionsMulti. Items: PositionMultiItem, PositionsMultiEnd (then updates).</summary>
internal sealed class PositionsMultiStream(SubscribePositionsMulti command) : StreamPlan
{
    public override object Command => command;
    public override IMessage Build(int id) => new PositionsMultiRequest { ReqId = id, Account = command.Account.Value, ModelCode = command.ModelCode };
    public override IMessage Cancel(int id) => new CancelPositionsMulti { ReqId = id };
    public override object? Map(IMessage message, SubscriptionId sub, DateTimeOffset at) => message switch
    {
        PositionMulti p => new PositionMultiItem(sub, new AccountId(p.Account), p.ModelCode, (p.Contract ?? new IBApi.protobuf.Contract()).ToSpec(),
            Mapping.Size(p.Position) ?? 0m, Mapping.Price(p.AvgCost), at),
        PositionMultiEnd => new PositionsMultiEnd(sub, at),
        _ => null,
    };
}

/// <summary>reqAccountUpdatesMulti / cancelAccountUpdatesMulti. Items: AccountUpdateMultiItem, AccountUpdatesMultiEnd (then updates).</summary>
internal sealed class AccountUpdatesMultiStream(SubscribeAccountUpdatesMulti command) : StreamPlan
{
    public override object Command => command;
    public override IMessage Build(int id) => new AccountUpdatesMultiRequest
    {
        ReqId = id, Account = command.Account.Value, ModelCode = command.ModelCode, LedgerAndNLV = command.LedgerAndNlv,
    };
    public override IMessage Cancel(int id) => new CancelAccountUpdatesMulti { ReqId = id };
    public override object? Map(IMessage message, SubscriptionId sub, DateTimeOffset at) => message switch
    {
        AccountUpdateMulti u => new AccountUpdateMultiItem(sub, new AccountId(u.Account), u.ModelCode, u.Key, u.Value, Mapping.Amount(u.Value), u.Currency, at),
        AccountUpdateMultiEnd => new AccountUpdatesMultiEnd(sub, at),
        _ => null,
    };
}

/// <summary>subscribeToGroupEvents / unsubscribeFromGroupEvents. Items: DisplayGroupChanged.</summary>
internal sealed class DisplayGroupStream(SubscribeDisplayGroup command) : StreamPlan
{
    public override object Command => command;
    public override IMessage Build(int id) => new SubscribeToGroupEventsRequest { ReqId = id, GroupId = command.GroupId };
    public override IMessage Cancel(int id) => new UnsubscribeFromGroupEventsRequest { ReqId = id };
    public override object? Map(IMessage message, SubscriptionId sub, DateTimeOffset at) =>
        message is DisplayGroupUpdated u ? new DisplayGroupChanged(sub, u.ContractInfo, at) : null;
}
