using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.ReferenceData.ReferenceDataVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class ReferenceDataCodecs
{
    private static void RegisterMatchingSymbols(CodecRegistry r)
    {
        // reqMatchingSymbols (out 81), IBPY client.reqMatchingSymbols: [81][reqId][pattern]
        r.Add<MatchingSymbolsRequest>(OutgoingIds.ReqMatchingSymbols, ClientToServer, ServerVersions.ProtobufRestMessages2,
            (ref TextFieldReader f, int v) =>
            {
                var m = new MatchingSymbolsRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("pattern") is { } pattern) m.Pattern = pattern;
                return m;
            },
            (MatchingSymbolsRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.Pattern);
            },
            minVersion: V.ReqMatchingSymbols);

        // symbolSamples (in 79), IBPY processSymbolSamplesMsg: [79][reqId][count]{description}×count, each
        // description [conId][symbol][secType][primaryExchange][currency][derivativeCount]{[secType]}×n, then
        // [description][issuerId] from 176 (BOND_ISSUERID).
        r.Add<SymbolSamples>(IncomingIds.SymbolSamples, ServerToClient, ServerVersions.ProtobufRestMessages2,
            ReadSymbolSamples, WriteSymbolSamples, minVersion: V.ReqMatchingSymbols);
    }

    private static SymbolSamples ReadSymbolSamples(ref TextFieldReader f, int v)
    {
        var m = new SymbolSamples();
        if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
        var count = ContractText.ReadCount(ref f, "contractDescriptionCount");
        for (var i = 0; i < count; i++)
        {
            var c = new Contract();
            if (f.ReadIntOrUnset("conId") is { } conId) c.ConId = conId;
            if (f.ReadStringOrUnset("symbol") is { } symbol) c.Symbol = symbol;
            if (f.ReadStringOrUnset("secType") is { } secType) c.SecType = secType;
            if (f.ReadStringOrUnset("primaryExchange") is { } primary) c.PrimaryExch = primary;
            if (f.ReadStringOrUnset("currency") is { } currency) c.Currency = currency;
            var description = new ContractDescription { Contract = c };
            var derivatives = ContractText.ReadCount(ref f, "derivativeSecTypeCount");
            for (var j = 0; j < derivatives; j++)
                description.DerivativeSecTypes.Add(f.ReadString("derivativeSecType"));
            if (v >= ServerVersions.BondIssuerId)
            {
                if (f.ReadStringOrUnset("description") is { } text) c.Description = text;
                if (f.ReadStringOrUnset("issuerId") is { } issuer) c.IssuerId = issuer;
            }
            m.ContractDescriptions.Add(description);
        }
        return m;
    }

    private static void WriteSymbolSamples(SymbolSamples m, ref TextFieldWriter w, int v)
    {
        w.WriteIntOrUnset(m.HasReqId, m.ReqId);
        w.WriteInt(m.ContractDescriptions.Count);
        foreach (var description in m.ContractDescriptions)
        {
            var c = description.Contract ?? new Contract();
            w.WriteIntOrUnset(c.HasConId, c.ConId);
            w.WriteString(c.Symbol);
            w.WriteString(c.SecType);
            w.WriteString(c.PrimaryExch);
            w.WriteString(c.Currency);
            w.WriteInt(description.DerivativeSecTypes.Count);
            foreach (var secType in description.DerivativeSecTypes) w.WriteString(secType);
            if (v >= ServerVersions.BondIssuerId)
            {
                w.WriteString(c.Description);
                w.WriteString(c.IssuerId);
            }
        }
    }
}
