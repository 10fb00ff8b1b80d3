using TradingDesk.Protocol.Messages;
using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Messages.Contracts;
using TradingDesk.Protocol.Tests.Contracts;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Accounts;

/// <summary>Encode → decode over random field values, both encodings, at the shared versions and this family's gates.</summary>
public sealed class AccountRoundTripTests
{
    public static TheoryData<int> Versions => FamilyVersions.All();

    [Theory, MemberData(nameof(Versions))]
    public void Positions(int version)
    {
        CodecAssert.RoundTripAllEncodings(new PositionsRequest(), version, ClientToServer);
        CodecAssert.RoundTripAllEncodings(new CancelPositions(), version, ClientToServer);
        CodecAssert.RoundTripAllEncodings(new PositionEnd(), version, ServerToClient);
        Property.ForAll(new FieldGen<Position>()
                .Text((m, x) => m.Account = x)
                .With(ContractGens.Block(ContractFields.Multiplier | ContractFields.Exchange | ContractFields.TradingClass)
                    .Select(c => (Action<Position>)(m => m.Contract = c)))
                .Decimal((m, x) => m.Position_ = x)
                .Double((m, x) => m.AvgCost = x)
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
    }

    [Theory, MemberData(nameof(Versions))]
    public void AccountSummary(int version)
    {
        Property.ForAll(new FieldGen<AccountSummaryRequest>()
                .Int((m, x) => m.ReqId = x).Text((m, x) => m.Group = x).Text((m, x) => m.Tags = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        Property.ForAll(new FieldGen<AccountSummary>()
                .Int((m, x) => m.ReqId = x)
                .Text((m, x) => m.Account = x)
                .Text((m, x) => m.Tag = x)
                .Decimal((m, x) => m.Value = x)
                .Text((m, x) => m.Currency = x)
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(Gens.Int, id =>
        {
            CodecAssert.RoundTripAllEncodings(new CancelAccountSummary { ReqId = id }, version, ClientToServer);
            CodecAssert.RoundTripAllEncodings(new AccountSummaryEnd { ReqId = id }, version, ServerToClient);
        });
    }

    [Theory, MemberData(nameof(Versions))]
    public void AccountUpdates(int version)
    {
        Property.ForAll(new FieldGen<AccountDataRequest>()
                .Always(Gens.Bool, (m, x) => m.Subscribe = x) // IB always writes 1/0
                .Text((m, x) => m.AcctCode = x)
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        Property.ForAll(new FieldGen<AccountValue>()
                .Text((m, x) => m.Key = x)
                .Text((m, x) => m.Value = x)
                .Text((m, x) => m.Currency = x)
                .Text((m, x) => m.AccountName = x)
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(Gens.Optional(Gens.Text), text =>
        {
            var time = new AccountUpdateTime();
            var end = new AccountDataEnd();
            if (text is not null)
            {
                time.TimeStamp = text;
                end.AccountName = text;
            }
            CodecAssert.RoundTripAllEncodings(time, version, ServerToClient);
            CodecAssert.RoundTripAllEncodings(end, version, ServerToClient);
        });
    }

    [Theory, MemberData(nameof(Versions))]
    public void Portfolio(int version) => Property.ForAll(new FieldGen<PortfolioValue>()
            .With(ContractGens.Block(ContractFields.Multiplier | ContractFields.PrimaryExch | ContractFields.TradingClass)
                .Select(c => (Action<PortfolioValue>)(m => m.Contract = c)))
            .Decimal((m, x) => m.Position = x)
            .Double((m, x) => m.MarketPrice = x)
            .Double((m, x) => m.MarketValue = x)
            .Double((m, x) => m.AverageCost = x)
            .Double((m, x) => m.UnrealizedPNL = x)
            .Double((m, x) => m.RealizedPNL = x)
            .Text((m, x) => m.AccountName = x)
            .Gen(),
        m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));

    [Theory, MemberData(nameof(Versions))]
    public void PnL(int version)
    {
        Property.ForAll(new FieldGen<PnLRequest>()
                .Int((m, x) => m.ReqId = x).Text((m, x) => m.Account = x).Text((m, x) => m.ModelCode = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        Property.ForAll(new FieldGen<PnLSingleRequest>()
                .Int((m, x) => m.ReqId = x).Text((m, x) => m.Account = x).Text((m, x) => m.ModelCode = x).Int((m, x) => m.ConId = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        Property.ForAll(Gens.Int, id =>
        {
            CodecAssert.RoundTripAllEncodings(new CancelPnL { ReqId = id }, version, ClientToServer);
            CodecAssert.RoundTripAllEncodings(new CancelPnLSingle { ReqId = id }, version, ClientToServer);
        });

        var pnl = new FieldGen<PnL>().Int((m, x) => m.ReqId = x).Double((m, x) => m.DailyPnL = x);
        var single = new FieldGen<PnLSingle>().Int((m, x) => m.ReqId = x).Decimal((m, x) => m.Position = x)
            .Double((m, x) => m.DailyPnL = x).Double((m, x) => m.Value = x);
        if (version >= ContractVersions.UnrealizedPnL)
        {
            pnl.Double((m, x) => m.UnrealizedPnL = x);
            single.Double((m, x) => m.UnrealizedPnL = x);
        }
        if (version >= ContractVersions.RealizedPnL)
        {
            pnl.Double((m, x) => m.RealizedPnL = x);
            single.Double((m, x) => m.RealizedPnL = x);
        }
        Property.ForAll(pnl.Gen(), m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(single.Gen(), m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
    }
}
