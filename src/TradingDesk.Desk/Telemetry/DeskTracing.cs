using System.Diagnostics;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.Telemetry;

/// <summary>
/// The desk's traces, on the .NET activity API that OpenTelemetry listens to: an order's life is one trace. The
/// strategy's <c>order.place</c> (or the gRPC front's) is its root; the order manager's <c>order.desk</c> follows, with
/// <c>order.risk</c>, <c>order.journal</c>, and per order <c>order.pacer</c>, <c>order.socket</c> (the connection's
/// write), <c>order.ack</c> (from the write to the gateway's first answer) and one <c>order.fill</c> per execution.
/// The context travels in the place command's <c>TraceParent</c> (W3C traceparent), across nodes and from gRPC clients.
///
/// Without a listener every call here returns null at the cost of one check, and nothing is stored per order.
/// Spans that outlive one message are started detached: an actor's thread runs other actors' messages next, so none
/// may leave its span as <see cref="Activity.Current"/>.
/// </summary>
public static class DeskTracing
{
    /// <summary>The activity source every desk traces under; give it to OpenTelemetry's <c>AddSource</c>.</summary>
    public const string SourceName = "TradingDesk.Desk";

    public static readonly ActivitySource Source = new(SourceName, typeof(DeskTracing).Assembly.GetName().Version?.ToString());

    /// <summary>
    /// The W3C traceparent a place command carries: <paramref name="activity"/>'s, or none. A context nobody records
    /// is not passed on (the desk then starts the order's trace itself when something listens there).
    /// </summary>
    public static string? TraceParentOf(Activity? activity) =>
        activity is { IdFormat: ActivityIdFormat.W3C, Recorded: true } ? activity.Id : null;

    /// <summary>
    /// A traceparent from a command or a header: its context, or default when absent or malformed. A malformed one is
    /// ignored as W3C asks, never a reason to refuse an order: the order is traced from the desk on.
    /// </summary>
    public static ActivityContext Parse(string? traceParent) =>
        traceParent is { Length: > 0 } && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;

    /// <summary>
    /// The root span of a placement (<c>order.place</c>), under <see cref="Activity.Current"/> if there is one, as the
    /// current activity of the caller's flow; <paramref name="traced"/> is the command carrying its context. Without a
    /// listener: null, and the command as it was.
    /// </summary>
    public static Activity? StartPlace(IPlaceCommand command, ActivityKind kind, out object traced, ActivityContext parent = default)
    {
        traced = command;
        var span = Source.StartActivity("order.place", kind, parent);
        if (span is null) return null;
        span.SetTag("tradingdesk.strategy", command.Strategy.Value);
        span.SetTag("tradingdesk.symbol", command.Contract.Symbol);
        span.SetTag("tradingdesk.command", command.GetType().Name);
        traced = WithTraceParent(command, TraceParentOf(span));
        return span;
    }

    /// <summary>The command with this traceparent (null: none).</summary>
    public static IPlaceCommand WithTraceParent(IPlaceCommand command, string? traceParent) => command switch
    {
        OrderCommands.PlaceOrder p => p with { TraceParent = traceParent },
        OrderCommands.PlaceBracket b => b with { TraceParent = traceParent },
        OrderCommands.PlaceOca o => o with { TraceParent = traceParent },
        _ => throw new ArgumentException($"{command.GetType().Name} is not a place command the desk knows", nameof(command)),
    };

    /// <summary>Starts a span that ends in a later message: <see cref="Activity.Current"/> is left as it was.</summary>
    public static Activity? StartDetached(string name, ActivityKind kind, ActivityContext parent, DateTimeOffset start = default)
    {
        if (!Source.HasListeners()) return null;
        var previous = Activity.Current;
        var activity = Source.StartActivity(name, kind, parent, startTime: start);
        Activity.Current = previous;
        return activity;
    }

    /// <summary>Ends a detached span (null-safe); <see cref="Activity.Current"/> is left as it was.</summary>
    public static void Stop(Activity? activity, DateTimeOffset end = default)
    {
        if (activity is null) return;
        var previous = Activity.Current;
        if (end != default) activity.SetEndTime(end.UtcDateTime);
        activity.Stop();
        Activity.Current = previous;
    }

    /// <summary>Ends a span as failed, with why in the user's words.</summary>
    public static void Fail(Activity? activity, string why, DateTimeOffset end = default)
    {
        activity?.SetStatus(ActivityStatusCode.Error, why);
        Stop(activity, end);
    }

    /// <summary>A span that took no time of its own (a fill), under <paramref name="parent"/>.</summary>
    public static Activity? Instant(string name, ActivityContext parent, DateTimeOffset at) =>
        StartDetached(name, ActivityKind.Internal, parent, at);
}
