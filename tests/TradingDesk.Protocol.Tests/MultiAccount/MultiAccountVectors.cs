namespace TradingDesk.Protocol.Tests.MultiAccount;

/// <summary>
/// Frames CONSTRUCTED in IB's field order (IBPY client.reqPositionsMulti … decoder.processPositionMultiMsg), in the
/// captured-vectors notation; no capture of these messages is known. Values mirror the real server-173 capture.
/// </summary>
internal static class MultiAccountVectors
{
    public const string ReqPositionsMulti = @"74\01\09001\0DU1234567\0\0";

    public const string CancelPositionsMulti = @"75\01\09001\0";

    public const string PositionMultiAapl = @"71\01\09001\0DU1234567\0265598\0AAPL\0STK\0\00.0\0\0\0NASDAQ\0USD\0AAPL\0NMS\0-110\0201.8829709\0Model1\0";

    public const string PositionMultiEs = @"71\01\09001\0DU1234567\0637533641\0ES\0FUT\020250919\00.0\0\050\0\0USD\0ESU5\0ES\01\0315114.75\0\0";

    public const string PositionMultiEnd = @"72\01\09001\0";

    public const string ReqAccountUpdatesMulti = @"76\01\09002\0DU1234567\0\01\0";

    public const string CancelAccountUpdatesMulti = @"77\01\09002\0";

    public const string AccountUpdateMulti = @"73\01\09002\0DU1234567\0\0NetLiquidation\0246447.83\0USD\0";

    public const string AccountUpdateMultiEnd = @"74\01\09002\0";
}
