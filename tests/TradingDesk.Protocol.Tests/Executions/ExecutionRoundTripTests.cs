using TradingDesk.Protocol.Messages;
using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Messages.Contracts;
using TradingDesk.Protocol.Tests.Contracts;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Executions;

/// <summary>Encode → decode over random field values, both encodings, at the shared versions and this family's gates.</summary>
public sealed class ExecutionRoundTripTests
{
    public static TheoryData<int> Versions => FamilyVersions.All();

    [Theory, MemberData(nameof(Versions))]
    public void ReqExecutions(int version) => Property.ForAll(RequestGen(version),
        m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));

    [Theory, MemberData(nameof(Versions))]
    public void ExecDetails(int version) => Property.ForAll(ExecDetailsGen(version),
        m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));

    [Theory, MemberData(nameof(Versions))]
    public void ExecDetailsEnd(int version) => Property.ForAll(Gens.Int,
        id => CodecAssert.RoundTripAllEncodings(new ExecutionDetailsEnd { ReqId = id }, version, ServerToClient));

    [Theory, MemberData(nameof(Versions))]
    public void CommissionReport(int version) => Property.ForAll(new FieldGen<CommissionAndFeesReport>()
            .Text((m, x) => m.ExecId = x)
            .Double((m, x) => m.CommissionAndFees = x)
            .Text((m, x) => m.Currency = x)
            .Double((m, x) => m.RealizedPNL = x)
            .Double((m, x) => m.BondYield = x)
            .Text((m, x) => m.YieldRedemptionDate = x)
            .Gen(),
        m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));

    private static FsCheck.Gen<ExecutionRequest> RequestGen(int version)
    {
        var filter = new FieldGen<ExecutionFilter>()
            .Int((f, x) => f.ClientId = x)
            .Text((f, x) => f.AcctCode = x)
            .Text((f, x) => f.Time = x)
            .Text((f, x) => f.Symbol = x)
            .Text((f, x) => f.SecType = x)
            .Text((f, x) => f.Exchange = x)
            .Text((f, x) => f.Side = x);
        if (version >= ServerVersions.ParametrizedDaysOfExecutions)
        {
            filter.Int((f, x) => f.LastNDays = x)
                .With(from count in Gen.Choose(0, 4)
                      from dates in Gen.ArrayOf(Gens.Int, count)
                      select (Action<ExecutionFilter>)(f => f.SpecificDates.AddRange(dates)));
        }
        return new FieldGen<ExecutionRequest>()
            .Int((m, x) => m.ReqId = x)
            .With(filter.Gen().Select(f => (Action<ExecutionRequest>)(m => m.ExecutionFilter = f)))
            .Gen();
    }

    private static FsCheck.Gen<ExecutionDetails> ExecDetailsGen(int version)
    {
        var execution = new FieldGen<Execution>()
            .Int((e, x) => e.OrderId = x)
            .Text((e, x) => e.ExecId = x)
            .Text((e, x) => e.Time = x)
            .Text((e, x) => e.AcctNumber = x)
            .Text((e, x) => e.Exchange = x)
            .Text((e, x) => e.Side = x)
            .Decimal((e, x) => e.Shares = x)
            .Double((e, x) => e.Price = x)
            .Long((e, x) => e.PermId = x)
            .Int((e, x) => e.ClientId = x)
            .Bool((e, x) => e.IsLiquidation = x)
            .Decimal((e, x) => e.CumQty = x)
            .Double((e, x) => e.AvgPrice = x)
            .Text((e, x) => e.OrderRef = x)
            .Text((e, x) => e.EvRule = x)
            .Double((e, x) => e.EvMultiplier = x);
        if (version >= ContractVersions.ModelsSupport) execution.Text((e, x) => e.ModelCode = x);
        if (version >= ServerVersions.LastLiquidity) execution.Int((e, x) => e.LastLiquidity = x);
        if (version >= ServerVersions.PendingPriceRevision) execution.Bool((e, x) => e.IsPriceRevisionPending = x);
        if (version >= ServerVersions.Submitter) execution.Text((e, x) => e.Submitter = x);
        return new FieldGen<ExecutionDetails>()
            .Int((m, x) => m.ReqId = x)
            .With(ContractGens.Block(ContractFields.Multiplier | ContractFields.Exchange | ContractFields.TradingClass)
                .Select(c => (Action<ExecutionDetails>)(m => m.Contract = c)))
            .With(execution.Gen().Select(e => (Action<ExecutionDetails>)(m => m.Execution = e)))
            .Gen();
    }
}
