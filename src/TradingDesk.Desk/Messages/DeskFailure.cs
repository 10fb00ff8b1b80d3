namespace TradingDesk.Desk.Messages;

/// <summary>
/// Why a request did not succeed. A strategy always gets one of these instead of a hang or a raw exception:
/// it arrives as <see cref="RequestFailed"/> (or as the failure of an awaited Ask).
/// </summary>
public abstract record DeskFailure(string Reason)
{
    public override string ToString() => $"{GetType().Name}: {Reason}";
}

/// <summary>The gateway answered with a terminal error for this request (e.g. 200 no security definition, 201 rejected).</summary>
public sealed record GatewayError(int Code, string Message, string? AdvancedOrderRejectJson = null)
    : DeskFailure($"gateway error {Code}: {Message}");

/// <summary>No answer within the request's deadline.</summary>
public sealed record RequestTimedOut(TimeSpan After) : DeskFailure($"no answer from the gateway within {After.TotalSeconds:0.###} s");

/// <summary>The connection dropped while the request was in flight and it was not safe to retry.</summary>
public sealed record ConnectionLost(string Detail) : DeskFailure($"connection to the gateway lost: {Detail}");

/// <summary>The pre-trade risk gate refused an order; it never reached the gateway.</summary>
public sealed record RiskDenied(string Rule, string Detail) : DeskFailure($"denied by risk rule {Rule}: {Detail}");

/// <summary>The request itself is invalid (bad contract, bad order, unknown subscription); nothing was sent.</summary>
public sealed record InvalidRequest(string Problem) : DeskFailure(Problem);

/// <summary>The request was cancelled by its requester (or its strategy stopped) before it completed.</summary>
public sealed record RequestCancelled(string Detail) : DeskFailure(Detail);

/// <summary>
/// RegisterStrategy was refused: another live actor (<paramref name="Holder"/>, its path) is registered under this
/// strategy id. Two running strategies with one id would take over each other's order events; give each its own id.
/// </summary>
public sealed record StrategyIdInUse(Domain.StrategyId Strategy, string Holder)
    : DeskFailure($"strategy id '{Strategy.Value}' is already registered by the running actor {Holder}; give each strategy its own id");

/// <summary>
/// The order journal cannot be written or read (its store is down or refuses the write): the desk takes no order it
/// cannot journal, so nothing was sent. The order manager restarts with backoff and resumes when the store is back.
/// </summary>
public sealed record JournalUnavailable(string Detail) : DeskFailure($"the order journal is unavailable: {Detail}; nothing was sent");

/// <summary>The reply a requester gets when its request fails. Sent to the requester (Sender of the request).</summary>
public sealed record RequestFailed(object Request, DeskFailure Failure);

/// <summary>Thrown by the desk's awaitable API when a request fails; carries the typed failure.</summary>
public sealed class DeskRequestException(DeskFailure failure) : Exception(failure.ToString())
{
    public DeskFailure Failure { get; } = failure;
}
