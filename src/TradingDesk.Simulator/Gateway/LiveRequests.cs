using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

/// <summary>
/// One client's live requests, keyed by reqId: what streams to it and what it may cancel. Dropped as a whole when
/// the connection closes, which is how every subscription ends with its client.
/// </summary>
internal sealed class ClientLines(GatewaySession session)
{
    public GatewaySession Session { get; } = session;
    public int ClientId => Session.ClientId ?? -1;
    public Dictionary<int, LiveRequest> Live { get; } = [];
    /// <summary>reqMarketDataType: 1 real-time, 2 frozen, 3 delayed, 4 delayed-frozen. Applies to later reqMktData.</summary>
    public int MarketDataType { get; set; } = 1;
    public bool Positions { get; set; }
    public AccountId? AccountUpdates { get; set; }
}

/// <summary>A request that stays live until cancelled or until its client goes.</summary>
internal abstract class LiveRequest(int reqId)
{
    public int ReqId { get; } = reqId;
}

/// <summary>reqMktData streaming: the last value sent per tick type, so only changes go out.</summary>
internal sealed class MarketDataLine(int reqId, ContractDefinition contract, int dataType) : LiveRequest(reqId)
{
    public ContractDefinition Contract { get; } = contract;
    public int DataType { get; } = dataType;
    public bool Delayed => DataType is 3 or 4;
    /// <summary>reqMktData's genericTickList ("292:BRFG+DJNL" asks for news ticks).</summary>
    public string GenericTicks { get; init; } = "";
    public Dictionary<int, decimal> Sent { get; } = [];
}

/// <summary>reqTickByTickData: 1 Last, 2 AllLast, 3 BidAsk, 4 MidPoint.</summary>
internal sealed class TickByTickLine(int reqId, ContractDefinition contract, int kind) : LiveRequest(reqId)
{
    public ContractDefinition Contract { get; } = contract;
    public int Kind { get; } = kind;
    public (decimal A, decimal B, decimal C, decimal D)? Last { get; set; }
}

internal sealed class DepthLine(int reqId, ContractDefinition contract, int rows, bool smart) : LiveRequest(reqId)
{
    public ContractDefinition Contract { get; } = contract;
    public int Rows { get; } = rows;
    public bool Smart { get; } = smart;
    public DepthBook? Last { get; set; }
}

internal sealed class RealTimeBarLine(int reqId, ContractDefinition contract, WhatToShow whatToShow) : LiveRequest(reqId)
{
    public ContractDefinition Contract { get; } = contract;
    public WhatToShow WhatToShow { get; } = whatToShow;
    public DateTimeOffset? LastBarTime { get; set; }
}

/// <summary>reqHistoricalData with keepUpToDate: the last bar sent, so an update goes out only when it changes.</summary>
internal sealed class HistoricalLine(int reqId, HistoricalBarsRequest request, int formatDate) : LiveRequest(reqId)
{
    public HistoricalBarsRequest Request { get; } = request;
    public int FormatDate { get; } = formatDate;
    public PriceBar? LastBar { get; set; }
}

internal sealed class AccountSummaryLine(int reqId, IReadOnlySet<string> tags) : LiveRequest(reqId)
{
    public IReadOnlySet<string> Tags { get; } = tags;
}

/// <summary>reqPnL (ConId null) or reqPnLSingle.</summary>
internal sealed class PnlLine(int reqId, AccountId account, ConId? conId) : LiveRequest(reqId)
{
    public AccountId Account { get; } = account;
    public ConId? ConId { get; } = conId;
}
