namespace TradingDesk.Protocol.Tests.Scanner;

/// <summary>Constructed scanner frames (no capture covers them), built from IBPY client.py / decoder.py layouts.</summary>
internal static class ScannerVectors
{
    public const string ReqScannerParameters = @"24\01\0";

    // reqScannerSubscription from 143: no version; reqId 9010, 10 rows, STK / STK.US.MAJOR / TOP_PERC_GAIN,
    // abovePrice 5, the rest of the numbers unset, excludeConvertible 0, filter "priceAbove=5;", no options
    public const string ReqScannerSubscription176 =
        @"22\09010\010\0STK\0STK.US.MAJOR\0TOP_PERC_GAIN\05\0\0\0\0\0\0\0\0\0\0\0\0\00\0\0\0\0priceAbove=5;\0\0";

    // the same below 143: version 4 first, no filter list
    public const string ReqScannerSubscription140 =
        @"22\04\09010\010\0STK\0STK.US.MAJOR\0TOP_PERC_GAIN\05\0\0\0\0\0\0\0\0\0\0\0\0\00\0\0\0\0\0";

    public const string CancelScannerSubscription = @"23\01\09010\0";

    public const string ScannerParameters = @"19\01\0<ScanParameterResponse><InstrumentList/></ScanParameterResponse>\0";

    // scannerData: v=3, reqId 9010, two rows: AAPL (rank 0) with distance/benchmark/projection empty, and an
    // option row (rank 1) with a legs string
    public const string ScannerData =
        @"20\03\09010\02\0" +
        @"0\0265598\0AAPL\0STK\0\00\0\0SMART\0USD\0AAPL\0NMS\0NMS\0\0\0\0\0" +
        @"1\0123\0SPY\0OPT\020261218\0500\0C\0SMART\0USD\0SPY  261218C00500000\0SPY\0SPY\01.5\0bm\0proj\0legs;1\0";

    public const string ScannerDataEmpty = @"20\03\09010\00\0";
}
