using IBApi.protobuf;

namespace TradingDesk.Simulator.Server;

/// <summary>IB's error codes and texts as the simulator sends them (texts from IB's message-code table).</summary>
public static class GatewayErrors
{
    public const int NoValidId = -1;

    public static ErrorMessage Create(int id, int code, string text, DateTimeOffset time) => new()
    {
        Id = id,
        ErrorCode = code,
        ErrorMsg = text,
        ErrorTime = time.ToUnixTimeMilliseconds(),
    };

    public static ErrorMessage MaxRateExceeded(DateTimeOffset t) => Create(NoValidId, 100, "Max rate of messages per second has been exceeded:max=50 rec=51 (1)", t);
    public static ErrorMessage DuplicateTickerId(int reqId, DateTimeOffset t) => Create(reqId, 102, "Duplicate ticker ID.", t);
    public static ErrorMessage DuplicateOrderId(int orderId, DateTimeOffset t) => Create(orderId, 103, "Duplicate order id", t);
    public static ErrorMessage OrderNotFound(int orderId, DateTimeOffset t) => Create(orderId, 135, $"Can't find order with id ={orderId}", t);
    public static ErrorMessage NotCancellable(int orderId, DateTimeOffset t) => Create(orderId, 161, "Cancel attempted when order is not in a cancellable state.", t);
    public static ErrorMessage HistoricalPacing(int reqId, DateTimeOffset t) => Create(reqId, 162, "Historical Market Data Service error message:Historical data request pacing violation", t);
    public static ErrorMessage HistoricalError(int reqId, string reason, DateTimeOffset t) => Create(reqId, 162, "Historical Market Data Service error message:" + reason, t);
    public static ErrorMessage NoSecurityDefinition(int reqId, DateTimeOffset t) => Create(reqId, 200, "No security definition has been found for the request", t);
    public static ErrorMessage Ambiguous(int reqId, DateTimeOffset t) => Create(reqId, 200, "The contract description specified is ambiguous.", t);
    public static ErrorMessage OrderRejected(int orderId, string reason, DateTimeOffset t) => Create(orderId, 201, "Order rejected - reason:" + reason, t);
    public static ErrorMessage OrderCancelled(int orderId, DateTimeOffset t) => Create(orderId, 202, "Order Canceled - reason:", t);
    public static ErrorMessage CannotFindTicker(int reqId, DateTimeOffset t) => Create(reqId, 300, $"Can't find EId with tickerId:{reqId}", t);
    public static ErrorMessage ValidationFailed(int reqId, string reason, DateTimeOffset t) => Create(reqId, 321, "Error validating request.-'" + reason + "'", t);
    public static ErrorMessage ClientIdInUse(DateTimeOffset t) => Create(NoValidId, 326, "Unable to connect as the client id is already in use. Retry with a unique client id.", t);
    public static ErrorMessage ConnectivityLost(DateTimeOffset t) => Create(NoValidId, 1100, "Connectivity between IB and Trader Workstation has been lost.", t);
    public static ErrorMessage ConnectivityRestoredDataLost(DateTimeOffset t) => Create(NoValidId, 1101, "Connectivity between IB and Trader Workstation has been restored - data lost.", t);
    public static ErrorMessage ConnectivityRestoredDataMaintained(DateTimeOffset t) => Create(NoValidId, 1102, "Connectivity between IB and Trader Workstation has been restored - data maintained.", t);

    /// <summary>The farm-status notices a gateway sends after startApi.</summary>
    public static IEnumerable<ErrorMessage> FarmStatus(DateTimeOffset t) =>
    [
        Create(NoValidId, 2104, "Market data farm connection is OK:usfarm", t),
        Create(NoValidId, 2106, "HMDS data farm connection is OK:ushmds", t),
        Create(NoValidId, 2158, "Sec-def data farm connection is OK:secdefil", t),
    ];
}
