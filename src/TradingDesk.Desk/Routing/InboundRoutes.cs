using Google.Protobuf;
using IBApi.protobuf;

namespace TradingDesk.Desk.Routing;

/// <summary>Where an inbound message goes: its request id, or the kind of owner for messages without one. Pure.</summary>
public static class InboundRoutes
{
    /// <summary>Request ids the router allocates: 1,000,000,000 and up (order ids stay below, so an error's id says whether it is about an order or a request).</summary>
    public const int FirstRequestId = 1_000_000_000;
    /// <summary>The order manager allocates its own request ids (reqExecutions …) from here.</summary>
    public const int FirstOrderManagerRequestId = 1_900_000_000;

    /// <summary>Messages owned by the order manager.</summary>
    public static bool IsOrderFamily(IMessage m) =>
        m is OpenOrder or OrderStatus or OpenOrdersEnd or CompletedOrder or CompletedOrdersEnd or OrderBound
            or ExecutionDetails or ExecutionDetailsEnd or CommissionAndFeesReport or NextValidId;

    /// <summary>The request id an inbound message answers, if it carries one.</summary>
    public static int? RequestIdOf(IMessage m)
    {
        switch (m)
        {
            // The hot path first: market data.
            case TickPrice x: return x.ReqId;
            case TickSize x: return x.ReqId;
            case TickByTickData x: return x.ReqId;
            case MarketDepth x: return x.ReqId;
            case MarketDepthL2 x: return x.ReqId;
            case TickString x: return x.ReqId;
            case TickGeneric x: return x.ReqId;
            case RealTimeBarTick x: return x.ReqId;
            case TickSnapshotEnd x: return x.ReqId;
            case IBApi.protobuf.MarketDataType x: return x.ReqId;
            case TickReqParams x: return x.ReqId;
            case ContractData x: return x.ReqId;
            case ContractDataEnd x: return x.ReqId;
            case HistoricalData x: return x.ReqId;
            case HistoricalDataEnd x: return x.ReqId;
            case HistoricalDataUpdate x: return x.ReqId;
            case HeadTimestamp x: return x.ReqId;
            case AccountSummary x: return x.ReqId;
            case AccountSummaryEnd x: return x.ReqId;
            case PnL x: return x.ReqId;
            case PnLSingle x: return x.ReqId;
        }
        // Anything else: a field named reqId (field 1 in every IB reply that has one), found by reflection.
        var field = m.Descriptor.FindFieldByName("reqId");
        return field is { FieldType: Google.Protobuf.Reflection.FieldType.Int32 } ? (int)field.Accessor.GetValue(m) : null;
    }
}
