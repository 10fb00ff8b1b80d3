using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Orders;

namespace TradingDesk.Simulator.Market;

public sealed partial class PaperMarket
{
    public IReadOnlyList<ContractDefinition> Search(ContractQuery query) => Catalogue.Search(query);

    public Quote GetQuote(ConId conId) => Prices.GetQuote(conId, Now);

    public DepthBook GetDepth(ConId conId, int levels) => Prices.GetDepth(conId, Now, levels);

    public DayStats GetDayStats(ConId conId) => Prices.GetDayStats(conId, Now);

    /// <summary>Historical bars; an end time in the future is clamped to now, so no request can see ahead.</summary>
    public HistoricalBarsResult GetHistoricalBars(HistoricalBarsRequest request) =>
        Prices.GetHistoricalBars(request.End > Now ? request with { End = Now } : request);

    /// <summary>The last completed 5-second bar, or null while the market is closed.</summary>
    public PriceBar? GetLatestRealtimeBar(ConId conId, WhatToShow whatToShow) => Prices.GetLatestRealtimeBar(conId, Now, whatToShow);

    public DateTimeOffset HeadTimestamp(ConId conId) => Prices.HeadTimestamp(conId);

    public SimOrder? GetOrder(ClientId client, OrderId id) => State.Find(new OrderKey(client, id));

    /// <summary>Active orders (reqOpenOrders for one client; null for reqAllOpenOrders), in placement order.</summary>
    public IReadOnlyList<SimOrder> OpenOrders(ClientId? client = null) =>
        State.Orders.Values.Where(o => o.IsActive && (client is null || o.Key.ClientId == client)).OrderBy(o => o.Sequence).ToList();

    /// <summary>Filled, cancelled and rejected orders (reqCompletedOrders), in completion order.</summary>
    public IReadOnlyList<SimOrder> CompletedOrders(ClientId? client = null) =>
        State.Orders.Values.Where(o => !o.IsActive && (client is null || o.Key.ClientId == client))
            .OrderBy(o => o.CompletedAt).ThenBy(o => o.Sequence).ToList();

    public IReadOnlyList<Execution> Executions(ExecutionFilter? filter = null) =>
        State.Executions.Where(e => filter is null || filter.Matches(e)).ToList();

    /// <summary>reqPositions: every non-zero position of every account (or one account).</summary>
    public IReadOnlyList<(AccountId Account, ContractDefinition Contract, Position Position)> Positions(AccountId? account = null) =>
        State.Accounts.Values.Where(a => account is null || a.Id == account).OrderBy(a => a.Id.Value)
            .SelectMany(a => a.Positions.Values.Where(p => p.Quantity != 0).OrderBy(p => p.ConId.Value)
                .Select(p => (a.Id, Catalogue.Get(p.ConId), p)))
            .ToList();

    public AccountSnapshot AccountValues(AccountId account) => Valuation.Value(Account(account), State.Executions, Now);

    /// <summary>updatePortfolio lines, including closed positions (IB keeps them with position 0 for the day).</summary>
    public IReadOnlyList<PortfolioEntry> Portfolio(AccountId account) => Valuation.Portfolio(Account(account), Now);

    public AccountPnl Pnl(AccountId account) => Valuation.Pnl(Account(account), State.Executions, Now);

    public PositionPnl PnlSingle(AccountId account, ConId conId) => Valuation.PnlSingle(Account(account), State.Executions, conId, Now);

    private AccountState Account(AccountId id) =>
        State.Accounts.TryGetValue(id, out var a) ? a : throw new KeyNotFoundException($"unknown account {id}");
}
