using TradingDesk.Protocol.Messages;
using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Messages.Contracts;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Contracts;

/// <summary>Encode → decode over random field values, both encodings, at the shared versions and this family's gates.</summary>
public sealed class ContractRoundTripTests
{
    public static TheoryData<int> Versions => FamilyVersions.All();

    [Theory, MemberData(nameof(Versions))]
    public void ReqContractDetails(int version) => Property.ForAll(RequestGen(version),
        m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));

    [Theory, MemberData(nameof(Versions))]
    public void ContractData(int version) => Property.ForAll(ContractDataGens.Stock(version),
        m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));

    [Theory, MemberData(nameof(Versions))]
    public void BondContractData(int version) => Property.ForAll(ContractDataGens.Bond(version),
        m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));

    [Theory, MemberData(nameof(Versions))]
    public void ContractDataEnd_and_cancel(int version) => Property.ForAll(Gens.Int, id =>
    {
        CodecAssert.RoundTripAllEncodings(new ContractDataEnd { ReqId = id }, version, ServerToClient);
        CodecAssert.RoundTripAllEncodings(new CancelContractData { ReqId = id }, version, ClientToServer);
    });

    private static FsCheck.Gen<ContractDataRequest> RequestGen(int version)
    {
        var contract = from c in ContractGens.Block(ContractFields.Full)
                       from extra in new FieldGen<Contract>()
                           .Always(Gens.Bool, (x, v) => x.IncludeExpired = v) // IB always writes 0/1
                           .Text((x, v) => x.SecIdType = v)
                           .Text((x, v) => x.SecId = v)
                           .Text((x, v) => { if (version >= ServerVersions.BondIssuerId) x.IssuerId = v; })
                           .Gen()
                       select Merge(c, extra);
        return new FieldGen<ContractDataRequest>()
            .Int((m, v) => m.ReqId = v)
            .With(contract.Select(c => (Action<ContractDataRequest>)(m => m.Contract = c)))
            .Gen();
    }

    private static Contract Merge(Contract a, Contract b)
    {
        a.MergeFrom(b);
        return a;
    }
}
