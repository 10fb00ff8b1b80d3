using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.Orders;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

/// <summary>cancelOrder, reqGlobalCancel and the open/completed-order requests (ibapi/client.py).</summary>
internal static partial class OrderCodecs
{
    private static void RegisterRequests(CodecRegistry r)
    {
        // cancelOrder (out 4). Before 192: [4][v=1][orderId][manualOrderCancelTime (≥169)].
        // 187..189 (RFQ_FIELDS until UNDO_RFQ_FIELDS) add three dead fields: "", "", 2147483647.
        // From 192 (CME_TAGGING_FIELDS) no version: [4][orderId][manualOrderCancelTime][extOperator][manualOrderIndicator].
        r.Add<CancelOrderRequest>(OutgoingIds.CancelOrder, ClientToServer, ServerVersions.ProtobufPlaceOrder,
            (ref TextFieldReader f, int v) =>
            {
                if (v < ServerVersions.CmeTaggingFields) f.Skip("version");
                var m = new CancelOrderRequest();
                if (f.ReadIntOrUnset("orderId") is { } id) m.OrderId = id;
                var cancel = new OrderCancel();
                if (v >= ServerVersions.ManualOrderTime && f.ReadStringOrUnset("manualOrderCancelTime") is { } time) cancel.ManualOrderCancelTime = time;
                if (v is >= ServerVersions.RfqFields and < OrderVersions.UndoRfqFields)
                {
                    f.Skip("(rfq) empty");
                    f.Skip("(rfq) empty");
                    f.Skip("(rfq) unset");
                }
                if (v >= ServerVersions.CmeTaggingFields) ReadCmeTagging(ref f, cancel);
                if (!cancel.Equals(new OrderCancel())) m.OrderCancel = cancel;
                return m;
            },
            (CancelOrderRequest m, ref TextFieldWriter w, int v) =>
            {
                if (v < ServerVersions.CmeTaggingFields) w.WriteInt(1);
                w.WriteIntOrUnset(m.HasOrderId, m.OrderId);
                var cancel = m.OrderCancel ?? new OrderCancel();
                if (v >= ServerVersions.ManualOrderTime) w.WriteString(cancel.ManualOrderCancelTime);
                if (v is >= ServerVersions.RfqFields and < OrderVersions.UndoRfqFields)
                {
                    w.WriteEmpty();
                    w.WriteEmpty();
                    w.WriteInt(int.MaxValue); // IB writes make_field(UNSET_INTEGER) literally here
                }
                if (v >= ServerVersions.CmeTaggingFields) WriteCmeTagging(ref w, cancel);
            });

        // reqGlobalCancel (out 58). Before 192: [58][v=1]. From 192: [58][extOperator][manualOrderIndicator].
        r.Add<GlobalCancelRequest>(OutgoingIds.ReqGlobalCancel, ClientToServer, ServerVersions.ProtobufPlaceOrder,
            (ref TextFieldReader f, int v) =>
            {
                var m = new GlobalCancelRequest();
                if (v < ServerVersions.CmeTaggingFields)
                {
                    f.Skip("version");
                    return m;
                }
                var cancel = new OrderCancel();
                ReadCmeTagging(ref f, cancel);
                if (!cancel.Equals(new OrderCancel())) m.OrderCancel = cancel;
                return m;
            },
            (GlobalCancelRequest m, ref TextFieldWriter w, int v) =>
            {
                if (v < ServerVersions.CmeTaggingFields) w.WriteInt(1);
                else WriteCmeTagging(ref w, m.OrderCancel ?? new OrderCancel());
            });

        // reqOpenOrders (out 5): [5][v=1]
        r.Add<OpenOrdersRequest>(OutgoingIds.ReqOpenOrders, ClientToServer, ServerVersions.ProtobufCompletedOrder,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                return new OpenOrdersRequest();
            },
            (OpenOrdersRequest m, ref TextFieldWriter w, int v) => w.WriteInt(1));

        // reqAllOpenOrders (out 16): [16][v=1]
        r.Add<AllOpenOrdersRequest>(OutgoingIds.ReqAllOpenOrders, ClientToServer, ServerVersions.ProtobufCompletedOrder,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                return new AllOpenOrdersRequest();
            },
            (AllOpenOrdersRequest m, ref TextFieldWriter w, int v) => w.WriteInt(1));

        // reqAutoOpenOrders (out 15): [15][v=1][bAutoBind]; IB always writes the bool.
        r.Add<AutoOpenOrdersRequest>(OutgoingIds.ReqAutoOpenOrders, ClientToServer, ServerVersions.ProtobufCompletedOrder,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new AutoOpenOrdersRequest();
                if (f.ReadBoolOrUnset("bAutoBind") is { } bind) m.AutoBind = bind;
                return m;
            },
            (AutoOpenOrdersRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteBool(m.AutoBind);
            });

        // reqCompletedOrders (out 99, from 150 COMPLETED_ORDERS): [99][apiOnly], no version; IB always writes the bool.
        r.Add<CompletedOrdersRequest>(OutgoingIds.ReqCompletedOrders, ClientToServer, ServerVersions.ProtobufCompletedOrder,
            (ref TextFieldReader f, int v) =>
            {
                var m = new CompletedOrdersRequest();
                if (f.ReadBoolOrUnset("apiOnly") is { } apiOnly) m.ApiOnly = apiOnly;
                return m;
            },
            (CompletedOrdersRequest m, ref TextFieldWriter w, int v) => w.WriteBool(m.ApiOnly),
            minVersion: OrderVersions.CompletedOrders);
    }

    private static void ReadCmeTagging(ref TextFieldReader f, OrderCancel cancel)
    {
        if (f.ReadStringOrUnset("extOperator") is { } op) cancel.ExtOperator = op;
        if (f.ReadIntOrUnset("manualOrderIndicator") is { } indicator) cancel.ManualOrderIndicator = indicator;
    }

    // IB writes make_field(manualOrderIndicator), whose default is UNSET_INTEGER: the sentinel goes out literally.
    private static void WriteCmeTagging(ref TextFieldWriter w, OrderCancel cancel)
    {
        w.WriteString(cancel.ExtOperator);
        w.WriteInt(cancel.HasManualOrderIndicator ? cancel.ManualOrderIndicator : int.MaxValue);
    }
}
