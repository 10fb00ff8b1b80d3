namespace TradingDesk.Protocol.Tests.Accounts;

/// <summary>Frames captured from a real session at server version 173, byte for byte.</summary>
internal static class AccountVectors
{
    public const string ReqPositions = @"61\01\0";

    public const string PositionAapl = @"61\03\0ACCOUNT_ID\0265598\0AAPL\0STK\0\00.0\0\0\0NASDAQ\0USD\0AAPL\0NMS\0-110\0201.8829709\0";

    public const string PositionEs = @"61\03\0ACCOUNT_ID\0637533641\0ES\0FUT\020250919\00.0\0\050\0\0USD\0ESU5\0ES\01\0315114.75\0";

    public const string PositionEnd = @"62\01\0";

    public const string ReqAccountSummary = @"62\01\09000\0All\0NetLiquidation,TotalCashValue,GrossPositionValue\0";

    public const string AccountSummaryGross = @"63\01\09000\0ACCOUNT_ID\0GrossPositionValue\023172.60\0USD\0";

    public const string AccountSummaryNet = @"63\01\09000\0ACCOUNT_ID\0NetLiquidation\0246447.83\0USD\0";

    public const string AccountSummaryCash = @"63\01\09000\0ACCOUNT_ID\0TotalCashValue\0269339.33\0USD\0";

    public const string AccountSummaryEnd = @"64\01\09000\0";

    public const string CancelPnL = @"93\09001\0";
}
