using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// Contract details: reqContractDetails (out 9), cancelContractData (out 106, protobuf only), contractDetails (in 10),
/// bondContractDetails (in 18) and contractDetailsEnd (in 52). The parts live in <c>Messages/Contracts/</c>.
/// Protobuf gate: 205 (PROTOBUF_CONTRACT_DATA) for the request (IBPY PROTOBUF_MSG_IDS) and, by the
/// rule of thumb that a reply switches with its request (an inference, not observed), for its replies too.
/// </summary>
internal static partial class ContractCodecs
{
    public static void Register(CodecRegistry registry)
    {
        RegisterRequests(registry);
        RegisterContractData(registry);
        RegisterBondContractData(registry);
    }
}
