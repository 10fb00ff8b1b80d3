namespace TradingDesk.Protocol.Tests.Executions;

/// <summary>Frames captured from real sessions, byte for byte: v2-stable fixtures (RS2, believed real; server version not recorded).</summary>
internal static class ExecutionVectors
{
    public const string ExecDetails = @"11\0-1\013\076792991\0TSLA\0STK\0\00.0\0\0\0ISLAND\0USD\0TSLA\0NMS\000025b46.63f8f39c.01.01\020230224  12:04:56\0DU1234567\0ISLAND\0BOT\0100\0196.52\01376327563\0100\00\0100\0196.52\0\0\0\0\02\0\0";

    public const string CommissionReport = @"59\01\000025b46.63f8f39c.01.01\01.0\0USD\01.7976931348623157E308\01.7976931348623157E308\0\0\0";
}
