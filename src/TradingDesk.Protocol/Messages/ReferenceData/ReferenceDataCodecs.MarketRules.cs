using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using C = TradingDesk.Protocol.Messages.Contracts.ContractVersions;
using V = TradingDesk.Protocol.Messages.ReferenceData.ReferenceDataVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class ReferenceDataCodecs
{
    // Market rules exist from 126 (MIN_SERVER_VER_MARKET_RULES). The reply carries the rule id, not a request id:
    // a desk matches marketRule to its request by marketRuleId (tag 1 in protobuf too).
    private static void RegisterMarketRules(CodecRegistry r)
    {
        // reqMarketRule (out 91), IBPY client.reqMarketRule: [91][marketRuleId]
        r.Add<MarketRuleRequest>(OutgoingIds.ReqMarketRule, ClientToServer, ServerVersions.ProtobufRestMessages2,
            (ref TextFieldReader f, int v) =>
            {
                var m = new MarketRuleRequest();
                if (f.ReadIntOrUnset("marketRuleId") is { } id) m.MarketRuleId = id;
                return m;
            },
            (MarketRuleRequest m, ref TextFieldWriter w, int v) => w.WriteIntOrUnset(m.HasMarketRuleId, m.MarketRuleId),
            minVersion: C.MarketRules);

        // marketRule (in 93), IBPY processMarketRuleMsg: [93][marketRuleId][count]{[lowEdge][increment]}×count
        r.Add<MarketRule>(IncomingIds.MarketRule, ServerToClient, ServerVersions.ProtobufRestMessages2,
            (ref TextFieldReader f, int v) =>
            {
                var m = new MarketRule();
                if (f.ReadIntOrUnset("marketRuleId") is { } id) m.MarketRuleId = id;
                var count = ContractText.ReadCount(ref f, "priceIncrementCount");
                for (var i = 0; i < count; i++)
                {
                    var increment = new PriceIncrement();
                    if (f.ReadDoubleOrUnset("lowEdge") is { } low) increment.LowEdge = low;
                    if (f.ReadDoubleOrUnset("increment") is { } step) increment.Increment = step;
                    m.PriceIncrements.Add(increment);
                }
                return m;
            },
            (MarketRule m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasMarketRuleId, m.MarketRuleId);
                w.WriteInt(m.PriceIncrements.Count);
                foreach (var increment in m.PriceIncrements)
                {
                    w.WriteDoubleOrUnset(increment.HasLowEdge, increment.LowEdge);
                    w.WriteDoubleOrUnset(increment.HasIncrement, increment.Increment);
                }
            },
            minVersion: C.MarketRules);
    }

    private static void RegisterSmartComponents(CodecRegistry r)
    {
        // reqSmartComponents (out 83), IBPY client.reqSmartComponents: [83][reqId][bboExchange]
        r.Add<SmartComponentsRequest>(OutgoingIds.ReqSmartComponents, ClientToServer, ServerVersions.ProtobufRestMessages2,
            (ref TextFieldReader f, int v) =>
            {
                var m = new SmartComponentsRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("bboExchange") is { } exchange) m.BboExchange = exchange;
                return m;
            },
            (SmartComponentsRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.BboExchange);
            },
            minVersion: V.ReqSmartComponents);

        // smartComponents (in 82), IBPY processSmartComponents: [82][reqId][count]{[bitNumber][exchange][exchangeLetter]}×count
        r.Add<SmartComponents>(IncomingIds.SmartComponents, ServerToClient, ServerVersions.ProtobufRestMessages2,
            (ref TextFieldReader f, int v) =>
            {
                var m = new SmartComponents();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                var count = ContractText.ReadCount(ref f, "smartComponentCount");
                for (var i = 0; i < count; i++)
                {
                    var component = new SmartComponent();
                    if (f.ReadIntOrUnset("bitNumber") is { } bit) component.BitNumber = bit;
                    if (f.ReadStringOrUnset("exchange") is { } exchange) component.Exchange = exchange;
                    if (f.ReadStringOrUnset("exchangeLetter") is { } letter) component.ExchangeLetter = letter;
                    m.SmartComponents_.Add(component);
                }
                return m;
            },
            (SmartComponents m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteInt(m.SmartComponents_.Count);
                foreach (var component in m.SmartComponents_)
                {
                    w.WriteIntOrUnset(component.HasBitNumber, component.BitNumber);
                    w.WriteString(component.Exchange);
                    w.WriteString(component.ExchangeLetter);
                }
            },
            minVersion: V.ReqSmartComponents);
    }
}
