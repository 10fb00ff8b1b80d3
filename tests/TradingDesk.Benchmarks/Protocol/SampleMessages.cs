using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Protocol.Codec;

namespace TradingDesk.Benchmarks.Protocol;

/// <summary>Realistic messages for the codec benchmarks, as a gateway would send them.</summary>
internal static class SampleMessages
{
    public static IMessage Create(string name) => name switch
    {
        "tickPrice" => new TickPrice { ReqId = 1001, TickType = 1, Price = 196.52, Size = "300", AttrMask = 1 },
        "orderStatus" => new OrderStatus
        {
            OrderId = 13, Status = "Filled", Filled = "100", Remaining = "0", AvgFillPrice = 196.52, PermId = 1376327563,
            ParentId = 0, LastFillPrice = 196.52, ClientId = 100, WhyHeld = "", MktCapPrice = 0,
        },
        "openOrder" => OpenOrder(),
        "execDetails" => new ExecutionDetails
        {
            ReqId = -1,
            Contract = Stock(),
            Execution = new Execution
            {
                OrderId = 13, ExecId = "00025b46.63f8f39c.01.01", Time = "20230224  12:04:56", AcctNumber = "DU1234567",
                Exchange = "ISLAND", Side = "BOT", Shares = "100", Price = 196.52, PermId = 1376327563, ClientId = 100,
                IsLiquidation = false, CumQty = "100", AvgPrice = 196.52, LastLiquidity = 2,
            },
        },
        "historical1000" => Historical(1000),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public static Direction DirectionOf(string name) => Direction.ServerToClient;

    private static Contract Stock() => new()
    {
        ConId = 76792991, Symbol = "TSLA", SecType = "STK", Exchange = "SMART", Currency = "USD", LocalSymbol = "TSLA", TradingClass = "NMS",
    };

    private static OpenOrder OpenOrder() => new()
    {
        OrderId = 13,
        Contract = Stock(),
        Order = new Order
        {
            OrderId = 13, ClientId = 100, PermId = 1376327563, Action = "BUY", TotalQuantity = "100", OrderType = "LMT",
            LmtPrice = 196.5, AuxPrice = 0, Tif = "DAY", Account = "DU1234567", OpenClose = "", Origin = 0, OrderRef = "mm-1",
            OutsideRth = false, Hidden = false, Transmit = true, ParentId = 0, OcaGroup = "",
        },
        OrderState = new OrderState { Status = "Submitted" },
    };

    private static HistoricalData Historical(int count)
    {
        var data = new HistoricalData { ReqId = 4001 };
        var start = new DateTime(2025, 7, 15, 13, 30, 0, DateTimeKind.Utc);
        var price = 200.0;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            price += (i % 7 - 3) * 0.05;
            data.HistoricalDataBars.Add(new HistoricalDataBar
            {
                Date = start.AddMinutes(i).ToString("yyyyMMdd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " US/Eastern",
                Open = open, High = Math.Max(open, price) + 0.03, Low = Math.Min(open, price) - 0.02, Close = price,
                Volume = (1000 + i % 500).ToString(System.Globalization.CultureInfo.InvariantCulture), WAP = price.ToString("R", System.Globalization.CultureInfo.InvariantCulture), BarCount = 40 + i % 9,
            });
        }
        return data;
    }
}
