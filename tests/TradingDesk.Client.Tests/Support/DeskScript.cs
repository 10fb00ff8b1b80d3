using System.Collections.Concurrent;
using System.Threading.Channels;
using TradingDesk.Contracts.Mapping;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests.Support;

/// <summary>
/// What the scripted desk does and what it saw: one per test server. Every "saw" is a TaskCompletionSource or a channel,
/// so a test waits for the server's side of a call instead of sleeping. The calls of each family are in a file of their
/// own (DeskScript.Options.cs, .Research.cs, .Session.cs).
/// </summary>
public sealed partial class DeskScript
{
    public const string GoodToken = "good-token";

    /// <summary>A token the desk knows with read-only access: the trading calls refuse it as the front does.</summary>
    public const string ReadOnlyToken = "read-only-token";

    /// <summary>Every authorization header the desk received, in order (null: none sent).</summary>
    public ConcurrentQueue<string?> Authorizations { get; } = new();

    /// <summary>The reply to GetCurrentTime (the connect probe); throw an RpcException in it to fail the call.</summary>
    public Func<W.CurrentTimeReply> CurrentTime { get; set; } =
        () => new W.CurrentTimeReply { GatewayTime = WireValues.Time(At), LocalTime = WireValues.Time(At) };

    /// <summary>GetCurrentTime never answers (a desk that accepted the connection and is stuck): the call lasts until its deadline.</summary>
    public bool CurrentTimeHangs { get; set; }

    /// <summary>What StreamMarketData sends before it waits for the client to go away.</summary>
    public List<W.MarketDataEvent> MarketData { get; } = [];

    /// <summary>Set with the request when StreamMarketData starts.</summary>
    public TaskCompletionSource<W.SubscribeMarketData> MarketDataRequested { get; } = Tcs<W.SubscribeMarketData>();

    /// <summary>Set when the server's CancellationToken of StreamMarketData fired (the client ended the call).</summary>
    public TaskCompletionSource MarketDataCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What StreamMarketData sends for one request, when a test needs a line per contract (null: <see cref="MarketData"/>).</summary>
    public Func<W.SubscribeMarketData, IEnumerable<W.MarketDataEvent>>? MarketDataFor { get; set; }

    /// <summary>Every StreamMarketData request whose call the client ended, as each ends.</summary>
    public Channel<W.SubscribeMarketData> MarketDataEnded { get; } = Channel.CreateUnbounded<W.SubscribeMarketData>();

    /// <summary>The reply to PlaceOrder; throw an RpcException in it to fail the call.</summary>
    public Func<W.PlaceOrder, Task<W.OrderAccepted>> PlaceOrder { get; set; } = _ => Task.FromResult(new W.OrderAccepted { OrderId = 42 });

    /// <summary>Set with the first PlaceOrder request.</summary>
    public TaskCompletionSource<W.PlaceOrder> OrderPlaced { get; } = Tcs<W.PlaceOrder>();

    /// <summary>Order events StreamOrderUpdates sends, whenever they are written (CancelOrder writes a Cancelled status).</summary>
    public Channel<W.OrderUpdate> OrderUpdates { get; } = Channel.CreateUnbounded<W.OrderUpdate>();

    /// <summary>Set with the first CancelOrder request.</summary>
    public TaskCompletionSource<W.CancelOrder> OrderCancelled { get; } = Tcs<W.CancelOrder>();

    public static DateTimeOffset At { get; } = new(2026, 12, 3, 14, 30, 0, TimeSpan.Zero);

    public static W.MarketDataEvent Tick(int type, string? price = null, string? size = null)
    {
        var tick = new W.Tick { Subscription = 1, Type = type, LocalTime = WireValues.Time(At) };
        if (price is not null) tick.Price = price;
        if (size is not null) tick.Size = size;
        return new W.MarketDataEvent { Tick = tick };
    }

    public static W.MarketDataEvent Conflated(int tickType, int skipped) => new()
    {
        Note = new W.StreamNote { Conflated = new W.Conflated { Id = 1, TickType = tickType, Skipped = skipped, At = WireValues.Time(At) } },
    };

    public static W.OrderUpdate Status(int orderId, W.OrderStatus status, string filled = "0", string remaining = "1") => new()
    {
        Status = new W.OrderStatusChanged
        {
            OrderId = orderId, Status = status, Filled = filled, Remaining = remaining,
            GatewayTime = WireValues.Time(At), LocalTime = WireValues.Time(At),
        },
    };

    private static TaskCompletionSource<T> Tcs<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
