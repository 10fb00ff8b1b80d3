using System.Runtime.CompilerServices;
using System.Runtime.Serialization;
using Grpc.Core;
using TradingDesk.Client.Mapping;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client;

public sealed partial class DeskClient
{
    /// <summary>Ticks for <paramref name="contract"/> on the desk's shared line, with the line's notes (conflated,
    /// resubscribed, notices) as items. Ending the enumeration (break, or cancelling the token) ends the call at once and
    /// releases the client's share of the line.</summary>
    /// <param name="genericTicks">IB's generic tick list ("233,236"); empty for the default set.</param>
    public IAsyncEnumerable<MarketDataItem> MarketData(ContractSpec contract, string genericTicks = "", CancellationToken cancellationToken = default)
    {
        var request = new W.SubscribeMarketData { Contract = Check(contract).ToWire(), GenericTicks = genericTicks };
        return Stream("StreamMarketData", o => _desk.StreamMarketData(request, o), StreamMapping.MarketData, cancellationToken);
    }

    /// <summary>Tick-by-tick data of one kind for <paramref name="contract"/>.</summary>
    public IAsyncEnumerable<TickByTickItem> TickByTick(
        ContractSpec contract, TickByTickType type, int numberOfTicks = 0, bool ignoreSize = false, CancellationToken cancellationToken = default)
    {
        var request = new W.SubscribeTickByTick { Contract = Check(contract).ToWire(), Type = type.ToWire(), NumberOfTicks = numberOfTicks, IgnoreSize = ignoreSize };
        return Stream("StreamTickByTick", o => _desk.StreamTickByTick(request, o), StreamMapping.TickByTick, cancellationToken);
    }

    /// <summary>Book updates for <paramref name="contract"/>, <paramref name="rows"/> deep.</summary>
    public IAsyncEnumerable<MarketDepthItem> MarketDepth(ContractSpec contract, int rows = 5, bool smartDepth = false, CancellationToken cancellationToken = default)
    {
        var request = new W.SubscribeDepth { Contract = Check(contract).ToWire(), Rows = rows, SmartDepth = smartDepth };
        return Stream("StreamMarketDepth", o => _desk.StreamMarketDepth(request, o), StreamMapping.Depth, cancellationToken);
    }

    /// <summary>Five-second bars for <paramref name="contract"/>.</summary>
    public IAsyncEnumerable<RealTimeBarItem> RealTimeBars(
        ContractSpec contract, WhatToShow whatToShow = WhatToShow.Trades, bool useRth = false, CancellationToken cancellationToken = default)
    {
        var request = new W.SubscribeRealTimeBars { Contract = Check(contract).ToWire(), WhatToShow = whatToShow.ToWire(), UseRth = useRth };
        return Stream("StreamRealTimeBars", o => _desk.StreamRealTimeBars(request, o), StreamMapping.Bar, cancellationToken);
    }

    /// <summary>The caller's order events (statuses, fills, commissions, rejections, losses, warnings). Never conflated.</summary>
    public IAsyncEnumerable<OrderUpdateItem> OrderUpdates(CancellationToken cancellationToken = default) =>
        Stream("StreamOrderUpdates", o => _desk.StreamOrderUpdates(new W.SubscribeOrderUpdates(), o), OrderMapping.Update, cancellationToken);

    /// <summary>The profit and loss of <paramref name="account"/> (optionally of one model).</summary>
    public IAsyncEnumerable<PnLItem> PnL(AccountId account, string modelCode = "", CancellationToken cancellationToken = default)
    {
        var request = new W.SubscribePnL { Account = account.Value ?? throw new ArgumentNullException(nameof(account)), ModelCode = modelCode };
        return Stream("StreamPnL", o => _desk.StreamPnL(request, o), StreamMapping.PnL, cancellationToken);
    }

    /// <summary>What the gateway and the desk say to everyone: gateway notices, desk failovers, the kill switch.</summary>
    public IAsyncEnumerable<NoticeItem> Notices(CancellationToken cancellationToken = default) =>
        Stream("StreamNotices", o => _desk.StreamNotices(new W.SubscribeNotices(), o), StreamMapping.Notice, cancellationToken);

    // One loop for every stream. The call is disposed when the enumeration ends in any way (break disposes the
    // enumerator, which runs this method's finally), and disposing a call that is still running cancels it on the
    // server at once. A cancelled token ends the enumeration with OperationCanceledException, as .NET streams do; a
    // failed call with the typed exception; an item that does not map with DeskWireException, ending the call.
    // Disposing the client ends the call too (its token is linked to the client's): the HTTP/2 connection stays open
    // while a stream is active on it, so without this a stream nobody reads would outlive the client and keep its
    // share of the desk's line.
    private async IAsyncEnumerable<TItem> Stream<TEvent, TItem>(
        string name, Func<CallOptions, AsyncServerStreamingCall<TEvent>> open, Func<TEvent, TItem> map,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        using var call = open(new CallOptions(cancellationToken: ended.Token));
        while (true)
        {
            TEvent wire;
            try
            {
                if (!await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false)) yield break;
                wire = call.ResponseStream.Current;
            }
            // The caller cancelled: that is the outcome, whatever status the aborted HTTP/2 read raced it to (under load
            // SocketsHttpHandler may report the abort as UNAVAILABLE "the request was aborted" rather than CANCELLED).
            catch (RpcException e) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException($"{name} was cancelled", e, cancellationToken);
            }
            catch (RpcException e)
            {
                throw DeskFailures.From(e);
            }

            TItem item;
            try
            {
                item = map(wire);
            }
            catch (SerializationException e)
            {
                throw new DeskWireException(name, e.Message, e);
            }
            yield return item;
        }
    }

    private static ContractSpec Check(ContractSpec contract) => contract ?? throw new ArgumentNullException(nameof(contract));
}
