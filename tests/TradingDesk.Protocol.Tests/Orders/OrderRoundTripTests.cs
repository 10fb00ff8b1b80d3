using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Orders;

/// <summary>
/// Encode → decode over random orders (combo legs, algo params, conditions, what-if state …), text and protobuf,
/// at every version of <see cref="CodecAssert.Versions"/>. The builders set only what each layout carries.
/// </summary>
public sealed class OrderRoundTripTests
{
    public static TheoryData<int> Versions => CodecAssert.VersionData();

    /// <summary>The shared versions plus the fixture version of the captured openOrder (164) and 170 (peg best/mid).</summary>
    public static TheoryData<int> OrderVersions
    {
        get
        {
            var data = CodecAssert.VersionData();
            data.Add(164);
            data.Add(170);
            return data;
        }
    }

    [Theory, MemberData(nameof(OrderVersions))]
    public void PlaceOrder(int version) => Property.ForAll(OrderSample.Gen,
        r => CodecAssert.RoundTripAllEncodings(OrderBuilders.PlaceOrder(r, version), version, ClientToServer), maxTest: 200);

    [Theory, MemberData(nameof(OrderVersions))]
    public void OpenOrder(int version) => Property.ForAll(OrderSample.Gen,
        r => CodecAssert.RoundTripAllEncodings(OrderBuilders.OpenOrder(r, version), version, ServerToClient), maxTest: 200);

    [Theory, MemberData(nameof(OrderVersions))]
    public void CompletedOrder(int version) => Property.ForAll(OrderSample.Gen,
        r => CodecAssert.RoundTripAllEncodings(OrderBuilders.CompletedOrder(r, version), version, ServerToClient), maxTest: 200);

    [Theory, MemberData(nameof(Versions))]
    public void OrderStatus(int version) => Property.ForAll(OrderSample.Gen, r =>
    {
        var m = new OrderStatus();
        r.Set(r.I(), x => m.OrderId = x);
        r.Set(r.S(), x => m.Status = x);
        r.Set(r.Dec(), x => m.Filled = x);
        r.Set(r.Dec(), x => m.Remaining = x);
        r.Set(r.D(), x => m.AvgFillPrice = x);
        r.Set(r.L(), x => m.PermId = x);
        r.Set(r.I(), x => m.ParentId = x);
        r.Set(r.D(), x => m.LastFillPrice = x);
        r.Set(r.I(), x => m.ClientId = x);
        r.Set(r.S(), x => m.WhyHeld = x);
        r.Set(r.D(), x => m.MktCapPrice = x);
        CodecAssert.RoundTripAllEncodings(m, version, ServerToClient);
    });

    [Theory, MemberData(nameof(Versions))]
    public void OrderBound(int version) => Property.ForAll(OrderSample.Gen, r =>
    {
        var m = new OrderBound();
        r.Set(r.L(), x => m.PermId = x);
        r.Set(r.I(), x => m.ClientId = x);
        r.Set(r.I(), x => m.OrderId = x);
        CodecAssert.RoundTripAllEncodings(m, version, ServerToClient);
    });

    [Theory, MemberData(nameof(Versions))]
    public void CancelOrder(int version) => Property.ForAll(OrderSample.Gen, r =>
    {
        var m = new CancelOrderRequest();
        r.Set(r.I(), x => m.OrderId = x);
        var cancel = new OrderCancel();
        if (version >= ServerVersions.ManualOrderTime) r.Set(r.S(), x => cancel.ManualOrderCancelTime = x);
        if (version >= ServerVersions.CmeTaggingFields)
        {
            r.Set(r.S(), x => cancel.ExtOperator = x);
            r.Set(r.I(), x => cancel.ManualOrderIndicator = x);
        }
        if (!cancel.Equals(new OrderCancel())) m.OrderCancel = cancel;
        CodecAssert.RoundTripAllEncodings(m, version, ClientToServer);

        var global = new GlobalCancelRequest();
        if (version >= ServerVersions.CmeTaggingFields && (cancel.HasExtOperator || cancel.HasManualOrderIndicator))
            global.OrderCancel = new OrderCancel { ExtOperator = cancel.ExtOperator, ManualOrderIndicator = cancel.ManualOrderIndicator };
        if (global.OrderCancel is { } g && !cancel.HasExtOperator) g.ClearExtOperator();
        if (global.OrderCancel is { } h && !cancel.HasManualOrderIndicator) h.ClearManualOrderIndicator();
        CodecAssert.RoundTripAllEncodings(global, version, ClientToServer);
    });

    [Theory, MemberData(nameof(Versions))]
    public void OpenAndCompletedOrderRequestsAndEnds(int version) => Property.ForAll(Gens.Bool, flag =>
    {
        CodecAssert.RoundTripAllEncodings(new OpenOrdersRequest(), version, ClientToServer);
        CodecAssert.RoundTripAllEncodings(new AllOpenOrdersRequest(), version, ClientToServer);
        CodecAssert.RoundTripAllEncodings(new AutoOpenOrdersRequest { AutoBind = flag }, version, ClientToServer);
        CodecAssert.RoundTripAllEncodings(new CompletedOrdersRequest { ApiOnly = flag }, version, ClientToServer);
        CodecAssert.RoundTripAllEncodings(new OpenOrdersEnd(), version, ServerToClient);
        CodecAssert.RoundTripAllEncodings(new CompletedOrdersEnd(), version, ServerToClient);
    }, maxTest: 4);
}
