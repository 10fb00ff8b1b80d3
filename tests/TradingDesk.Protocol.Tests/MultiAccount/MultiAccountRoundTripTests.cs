using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Messages;
using TradingDesk.Protocol.Tests.Contracts;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.MultiAccount;

/// <summary>Encode → decode over random field values, both encodings, at the shared versions and this family's gates.</summary>
public sealed class MultiAccountRoundTripTests
{
    /// <summary>The shared versions plus 103 (MODELS_SUPPORT, where the family appears) and 206/207 (the protobuf switch).</summary>
    public static TheoryData<int> Versions()
    {
        var data = new TheoryData<int>();
        foreach (var v in CodecAssert.Versions.Concat([103, 150, 206, 207]).Distinct().Order()) data.Add(v);
        return data;
    }

    [Theory, MemberData(nameof(Versions))]
    public void PositionsMulti(int version)
    {
        Property.ForAll(new FieldGen<PositionsMultiRequest>()
                .Int((m, x) => m.ReqId = x).Text((m, x) => m.Account = x).Text((m, x) => m.ModelCode = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        Property.ForAll(new FieldGen<PositionMulti>()
                .Int((m, x) => m.ReqId = x)
                .Text((m, x) => m.Account = x)
                .With(ContractGens.Block(ContractFields.Multiplier | ContractFields.Exchange | ContractFields.TradingClass)
                    .Select(c => (Action<PositionMulti>)(m => m.Contract = c)))
                .Decimal((m, x) => m.Position = x)
                .Double((m, x) => m.AvgCost = x)
                .Text((m, x) => m.ModelCode = x)
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(Gens.OptionalValue(Gens.Int), id =>
        {
            var cancel = new CancelPositionsMulti();
            var end = new PositionMultiEnd();
            if (id is { } x)
            {
                cancel.ReqId = x;
                end.ReqId = x;
            }
            CodecAssert.RoundTripAllEncodings(cancel, version, ClientToServer);
            CodecAssert.RoundTripAllEncodings(end, version, ServerToClient);
        });
    }

    [Theory, MemberData(nameof(Versions))]
    public void AccountUpdatesMulti(int version)
    {
        Property.ForAll(new FieldGen<AccountUpdatesMultiRequest>()
                .Int((m, x) => m.ReqId = x)
                .Text((m, x) => m.Account = x)
                .Text((m, x) => m.ModelCode = x)
                .Always(Gens.Bool, (m, x) => m.LedgerAndNLV = x) // IB always writes 1/0
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
        Property.ForAll(new FieldGen<AccountUpdateMulti>()
                .Int((m, x) => m.ReqId = x)
                .Text((m, x) => m.Account = x)
                .Text((m, x) => m.ModelCode = x)
                .Text((m, x) => m.Key = x)
                .Decimal((m, x) => m.Value = x)
                .Text((m, x) => m.Currency = x)
                .Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(Gens.Int, id =>
        {
            CodecAssert.RoundTripAllEncodings(new CancelAccountUpdatesMulti { ReqId = id }, version, ClientToServer);
            CodecAssert.RoundTripAllEncodings(new AccountUpdateMultiEnd { ReqId = id }, version, ServerToClient);
        });
    }
}
