using Grpc.Core;

namespace TradingDesk.Client;

/// <summary>What kind of failure a call met: the desk's own <c>tradingdesk.v1.Failure</c> case when the status carried one,
/// else what the gRPC status code says.</summary>
public enum DeskFailureKind
{
    /// <summary>A status code the client has no better name for (see <see cref="DeskCallException.StatusCode"/>).</summary>
    Other,
    /// <summary>A pre-trade risk rule refused the order.</summary>
    RiskDenied,
    /// <summary>A bad contract, order or request.</summary>
    InvalidRequest,
    /// <summary>The gateway (TWS / IB Gateway) refused the request with one of its error codes.</summary>
    GatewayError,
    /// <summary>The desk has no connection to the gateway.</summary>
    ConnectionLost,
    /// <summary>The desk or the gateway did not answer in time (or the call's deadline passed).</summary>
    TimedOut,
    /// <summary>No token, or one the desk does not know.</summary>
    Unauthenticated,
    /// <summary>The token may not do this (a read-only token trading, an order of another client's).</summary>
    PermissionDenied,
    /// <summary>The desk's order journal is down: it takes no orders until it is back.</summary>
    JournalUnavailable,
    /// <summary>The request was cancelled before it completed.</summary>
    RequestCancelled,
    /// <summary>Another holder runs under the strategy id.</summary>
    StrategyIdInUse,
    /// <summary>The desk itself could not be reached (wrong address, desk down, network).</summary>
    DeskUnavailable,
    /// <summary>The gateway holds no such fundamentals report for the contract (IB error 430).</summary>
    ReportNotAvailable, // Fundamentals
    /// <summary>Every one of IB's simultaneous scanner subscriptions is taken: stop a scan first.</summary>
    ScannerLimitReached, // Scanners
}

/// <summary>
/// A call to the desk failed. <see cref="StatusCode"/> is the gRPC status, <see cref="Kind"/> what failed and
/// <see cref="Detail"/> the desk's words; <see cref="Failure"/> is the desk's failure as it came, when the status
/// carried one (null when it did not, e.g. a status from a proxy or the transport). Catch a subclass for one kind.
/// </summary>
public class DeskCallException : Exception
{
    /// <summary>A failure of a call.</summary>
    public DeskCallException(StatusCode statusCode, DeskFailureKind kind, string detail, TradingDesk.Contracts.Wire.Failure? failure, Exception? inner)
        : base($"{kind} ({statusCode}): {detail}", inner)
    {
        StatusCode = statusCode;
        Kind = kind;
        Detail = detail;
        Failure = failure;
    }

    /// <summary>The call's gRPC status code.</summary>
    public StatusCode StatusCode { get; }

    /// <summary>What failed.</summary>
    public DeskFailureKind Kind { get; }

    /// <summary>The desk's (or the transport's) description of the failure.</summary>
    public string Detail { get; }

    /// <summary>The desk's failure from the status details; null when the status carried none.</summary>
    public TradingDesk.Contracts.Wire.Failure? Failure { get; }
}

/// <summary>A risk rule refused the order: <see cref="Rule"/> names it.</summary>
public sealed class RiskDeniedException(StatusCode code, string rule, string detail, TradingDesk.Contracts.Wire.Failure? failure, Exception? inner)
    : DeskCallException(code, DeskFailureKind.RiskDenied, $"{rule}: {detail}", failure, inner)
{
    /// <summary>The risk rule that refused (e.g. max-order-quantity).</summary>
    public string Rule { get; } = rule;

    /// <summary>Why the rule refused.</summary>
    public string RuleDetail { get; } = detail;
}

/// <summary>The request was malformed or named something the desk cannot use.</summary>
public sealed class InvalidRequestException(StatusCode code, string problem, TradingDesk.Contracts.Wire.Failure? failure, Exception? inner)
    : DeskCallException(code, DeskFailureKind.InvalidRequest, problem, failure, inner);

/// <summary>The gateway refused the request: <see cref="GatewayCode"/> is IB's error code.</summary>
public sealed class GatewayErrorException(StatusCode code, int gatewayCode, string gatewayMessage, TradingDesk.Contracts.Wire.Failure? failure, Exception? inner)
    : DeskCallException(code, DeskFailureKind.GatewayError, $"gateway error {gatewayCode}: {gatewayMessage}", failure, inner)
{
    /// <summary>IB's error code.</summary>
    public int GatewayCode { get; } = gatewayCode;

    /// <summary>IB's error text.</summary>
    public string GatewayMessage { get; } = gatewayMessage;
}

/// <summary>The desk is not connected to the gateway.</summary>
public sealed class ConnectionLostException(StatusCode code, string detail, TradingDesk.Contracts.Wire.Failure? failure, Exception? inner)
    : DeskCallException(code, DeskFailureKind.ConnectionLost, detail, failure, inner);

/// <summary>The desk or the gateway did not answer in time; <see cref="After"/> is how long the desk waited, when it said.</summary>
public sealed class TimedOutException(StatusCode code, string detail, TimeSpan? after, TradingDesk.Contracts.Wire.Failure? failure, Exception? inner)
    : DeskCallException(code, DeskFailureKind.TimedOut, detail, failure, inner)
{
    /// <summary>How long the desk waited (null when the deadline was the client's own or the desk did not say).</summary>
    public TimeSpan? After { get; } = after;
}

/// <summary>The desk does not know the token (or none was sent).</summary>
public sealed class UnauthenticatedException(StatusCode code, string detail, Exception? inner)
    : DeskCallException(code, DeskFailureKind.Unauthenticated, detail, null, inner);

/// <summary>The token may not do what the call asked (read-only, another strategy named, another client's order).</summary>
public sealed class PermissionDeniedException(StatusCode code, string detail, Exception? inner, TradingDesk.Contracts.Wire.Failure? failure = null)
    : DeskCallException(code, DeskFailureKind.PermissionDenied, detail, failure, inner);

/// <summary>The desk's order journal is down; orders are refused until it recovers.</summary>
public sealed class JournalUnavailableException(StatusCode code, string detail, TradingDesk.Contracts.Wire.Failure? failure, Exception? inner)
    : DeskCallException(code, DeskFailureKind.JournalUnavailable, detail, failure, inner);

/// <summary>The desk could not be reached at all (wrong address, not running, network).</summary>
public sealed class DeskUnavailableException(StatusCode code, string detail, Exception? inner)
    : DeskCallException(code, DeskFailureKind.DeskUnavailable, detail, null, inner);
