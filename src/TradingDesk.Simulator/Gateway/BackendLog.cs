using Microsoft.Extensions.Logging;

namespace TradingDesk.Simulator.Gateway;

internal static class BackendLog
{
    public static void LogPacing(this ILogger logger, int clientId, int reqId, string rule) =>
        logger.LogInformation("client {ClientId}: historical request {ReqId} refused (162): {Rule}", clientId, reqId, rule);
}
