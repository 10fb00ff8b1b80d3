using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using static TradingDesk.Desk.Messages.OptionMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>reqSecDefOptParams → securityDefinitionOptionalParameter* → securityDefinitionOptionalParameterEnd. A read.</summary>
internal sealed class OptionParametersPlan(GetOptionParameters command) : RequestPlan
{
    private readonly List<OptionParameterSet> _sets = [];
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.ContractDetails;
    public override IMessage Build(int requestId) => new SecDefOptParamsRequest
    {
        ReqId = requestId, UnderlyingSymbol = command.Underlying.Symbol, FutFopExchange = command.FutFopExchange,
        UnderlyingSecType = WireNames.Of(command.Underlying.SecType), UnderlyingConId = command.Underlying.ConId!.Value.Value,
    };
    public override void Reset() => _sets.Clear();
    public override Step Accept(IMessage message, DateTimeOffset at)
    {
        switch (message)
        {
            case SecDefOptParameter p: _sets.Add(OptionMapping.ToSet(p)); return Step.Continue.Instance;
            case SecDefOptParameterEnd: return new Step.Complete(new OptionParameters(command.Underlying, _sets.ToList(), at));
            default: return Step.Continue.Instance;
        }
    }
}

/// <summary>
/// calculateImpliedVolatility → tickOptionComputation (tick 53) for the request id. IB keeps a calculation live after
/// its answer (it may recompute), so the plan cancels it once answered, on timeout, and when the asker stops.
/// A pure computation: safe to retry.
/// </summary>
internal sealed class ImpliedVolatilityPlan(CalculateImpliedVolatility command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override bool CancelAfterComplete => true;
    public override bool CancelWhenRequesterStops => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new CalculateImpliedVolatilityRequest
    {
        ReqId = requestId, Contract = command.Contract.ToProto(), OptionPrice = (double)command.OptionPrice, UnderPrice = (double)command.UnderlyingPrice,
    };
    public override IMessage? Cancel(int requestId) => new CancelCalculateImpliedVolatility { ReqId = requestId };
    public override Step Accept(IMessage message, DateTimeOffset at) => message is TickOptionComputation c
        ? new Step.Complete(new OptionCalculation(command.Contract, OptionMapping.Greeks(c), at))
        : Step.Continue.Instance;
}

/// <summary>calculateOptionPrice → tickOptionComputation (tick 53); cancelled like <see cref="ImpliedVolatilityPlan"/>.</summary>
internal sealed class OptionPricePlan(CalculateOptionPrice command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override bool CancelAfterComplete => true;
    public override bool CancelWhenRequesterStops => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new CalculateOptionPriceRequest
    {
        ReqId = requestId, Contract = command.Contract.ToProto(), Volatility = (double)command.Volatility, UnderPrice = (double)command.UnderlyingPrice,
    };
    public override IMessage? Cancel(int requestId) => new CancelCalculateOptionPrice { ReqId = requestId };
    public override Step Accept(IMessage message, DateTimeOffset at) => message is TickOptionComputation c
        ? new Step.Complete(new OptionCalculation(command.Contract, OptionMapping.Greeks(c), at))
        : Step.Continue.Instance;
}

/// <summary>
/// exerciseOptions. IB acknowledges nothing: an error (with the request's id) fails it, and silence for the quiet
/// window is the only success there is, so the deadline completes the request with <see cref="ExerciseSent"/> instead
/// of failing it. The id field is named orderId in IB's protobuf schema, but IB's clients pass a ticker id there and
/// the gateway uses it only to tag its errors (UNCONFIRMED whether it also counts against order ids): the router's
/// request ids, far above the order ids, route those errors to this request. It has a side effect, so it is sent at
/// order priority and never re-sent after a reconnect.
/// </summary>
internal sealed class ExercisePlan(ExerciseOptions command) : RequestPlan
{
    /// <summary>How long the gateway has to object before the exercise counts as sent.</summary>
    public static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(3);
    public override object Command => command;
    public override OutboundPriority Priority => OutboundPriority.Order;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot < QuietWindow ? t.OneShot : QuietWindow;
    public override IMessage Build(int requestId) => new ExerciseOptionsRequest
    {
        OrderId = requestId, Contract = command.Contract.ToProto(), ExerciseAction = (int)command.Action,
        ExerciseQuantity = command.Quantity, Account = command.Account.Value, Override = command.Override,
    };
    public override Step Accept(IMessage message, DateTimeOffset at) => Step.Continue.Instance;
    public override object? CompleteOnDeadline(TimeSpan waited, DateTimeOffset at) =>
        new ExerciseSent(command.Contract, command.Action, command.Quantity, command.Account, waited, at);
}
