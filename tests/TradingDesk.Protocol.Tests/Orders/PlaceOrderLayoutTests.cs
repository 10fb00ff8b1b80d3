using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Orders;

/// <summary>
/// No placeOrder was captured, so this pins the encoder to a frame assembled by hand, field by field, from IB's
/// EClient.placeOrder (ibapi/client.py) at server 200: a BAG limit order with a combo leg, a per-leg price, a
/// smart-combo param, an algo, a misc option and a price condition. Unset proto fields go out empty; unset bools as
/// IB's defaults (transmit 1, others 0); duration, postToAts and manualOrderIndicator
/// as IB's literal UNSET_INTEGER.
/// </summary>
public sealed class PlaceOrderLayoutTests
{
    private static readonly string[] Fields200 =
    [
        "3", "7",                                                           // id, orderId
        "28812380", "SPY", "BAG", "", "", "", "", "SMART", "", "USD", "", "", "", "", // contract incl. primaryExch, secIdType, secId
        "BUY", "1", "LMT", "0.5", "",                                       // action, totalQuantity, orderType, lmtPrice, auxPrice
        "DAY", "", "DU1", "", "0", "", "1", "0", "0", "0", "", "0", "0", "0", // tif … transmit, parentId, block, sweep, displaySize, trigger, outsideRth, hidden
        "1", "1001", "1", "BUY", "SMART", "0", "0", "", "-1",              // combo legs
        "1", "0.25",                                                        // order combo leg prices
        "1", "NonGuaranteed", "1",                                          // smart combo routing params
        "", "", "", "", "", "", "", "",                                     // sharesAllocation, discretionaryAmt, GAT, GTD, fa×3, modelCode
        "0", "", "-1", "0", "", "", "0", "", "",                            // shortSaleSlot … percentOffset
        "0", "0", "", "0",                                                  // eTradeOnly, firmQuoteOnly, nbboPriceCap, auctionStrategy
        "", "", "", "", "", "0",                                            // box/peg-to-stock, overridePercentageConstraints
        "", "", "", "", "0", "", "", "",                                    // volatility block, continuousUpdate, refPriceType, trail
        "", "", "", "", "", "",                                             // scale ×3, scaleTable, activeStart/Stop
        "", "0", "", "", "0", "0",                                          // hedgeType, optOut, clearing×2, notHeld, no delta-neutral contract
        "Adaptive", "1", "adaptivePriority", "Normal", "", "0", "a=1;", "0", "0", "0", // algo, algoId, whatIf, misc, solicited, randomize×2
        "1", "1", "a", "1", "450.5", "756733", "SMART", "2", "0", "1",      // conditions (one price condition), ignoreRth, cancelOrder
        "", "", "", "", "", "", "0",                                        // adjusted-order block
        "", "", "", "",                                                     // extOperator, softDollarTier×2, cashQty
        "", "", "", "",                                                     // MiFID II ×4
        "0", "0", "0", "", "2147483647", "2147483647", "0", "", "",         // dontUseAutoPriceForHedge … manualOrderTime
        "", "0", "0", "2147483647", "0",                                    // customerAccount, professionalCustomer, includeOvernight, manualOrderIndicator, imbalanceOnly
    ];

    private static PlaceOrderRequest Sample()
    {
        var c = new Contract { ConId = 28812380, Symbol = "SPY", SecType = "BAG", Exchange = "SMART", Currency = "USD" };
        c.ComboLegs.Add(new ComboLeg { ConId = 1001, Ratio = 1, Action = "BUY", Exchange = "SMART", OpenClose = 0, ShortSalesSlot = 0, ExemptCode = -1, PerLegPrice = 0.25 });
        var o = new Order
        {
            Action = "BUY", TotalQuantity = "1", OrderType = "LMT", LmtPrice = 0.5, Tif = "DAY", Account = "DU1", Origin = 0,
            ParentId = 0, TriggerMethod = 0, ShortSaleSlot = 0, ExemptCode = -1, OcaType = 0, AlgoStrategy = "Adaptive",
            AdjustableTrailingUnit = 0,
        };
        o.SmartComboRoutingParams["NonGuaranteed"] = "1";
        o.AlgoParams["adaptivePriority"] = "Normal";
        o.OrderMiscOptions["a"] = "1";
        o.Conditions.Add(new OrderCondition { Type = 1, IsConjunctionConnection = true, IsMore = true, Price = 450.5, ConId = 756733, Exchange = "SMART", TriggerMethod = 2 });
        o.ConditionsCancelOrder = true;
        return new PlaceOrderRequest { OrderId = 7, Contract = c, Order = o };
    }

    [Fact]
    public void Encodes_ibs_field_order_at_200()
    {
        var expected = string.Join("", Fields200.Select(f => f + "\\0"));
        Assert.Equal(Wire.Frame(Wire.Payload(expected)), TwsCodec.Default.EncodeToArray(Sample(), 200, ClientToServer));
    }

    [Fact]
    public void Hand_built_frame_decodes_and_reencodes_to_the_same_bytes()
    {
        var notation = string.Join("", Fields200.Select(f => f + "\\0"));
        var m = CodecAssert.DecodeText<PlaceOrderRequest>(notation, 200, ClientToServer);
        Assert.Equal(7, m.OrderId);
        Assert.Equal(0.25, m.Contract.ComboLegs[0].PerLegPrice);
        Assert.Equal("Normal", m.Order.AlgoParams["adaptivePriority"]);
        Assert.Equal(450.5, m.Order.Conditions[0].Price);
        Assert.True(m.Order.Transmit);
        Assert.False(m.Order.HasDuration);
        CodecAssert.ReencodesTo(m, notation, 200);
    }
}
