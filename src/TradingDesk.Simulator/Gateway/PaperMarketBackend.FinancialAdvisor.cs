using System.Globalization;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Protocol;
using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Orders;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

/// <summary>An FA order's allocation as the gateway computed it: the shares each sub-account was meant to get.</summary>
internal sealed record FaAllocation(string Group, string Method, IReadOnlyList<(AccountId Account, decimal Quantity)> Shares);

// requestFA / replaceFA and the allocation fields of FA orders (faGroup, faMethod, faPercentage). An FA order is
// allocated here (recorded in FaAllocations) and its ticket carries the allocation, so the matching engine books
// each fill over the group's accounts (FaFillAllocator): an execDetails per sub-account, and positions and account
// values per sub-account.
public sealed partial class PaperMarketBackend
{
    private const int FaGroups = 1, FaProfiles = 2, FaAliases = 3;
    private const int FaProfileDesupport = 177, ReplaceFaEndVersion = 157;

    private AdvisorSetup? _advisor;

    /// <summary>The advisor's configuration, or null when the gateway is not an advisor's.</summary>
    private AdvisorSetup? Advisor => _options.AdvisorAccount is { } a
        ? _advisor ??= new AdvisorSetup(new AccountId(a), Market.ManagedAccounts)
        : null;

    /// <summary>The allocations of FA orders by (client id, order id) (tests read it on the loop).</summary>
    internal Dictionary<(int ClientId, int OrderId), FaAllocation> FaAllocations { get; } = [];

    private bool OnFinancialAdvisorRequest(ClientLines client, IMessage request)
    {
        var session = client.Session;
        switch (request)
        {
            case FARequest r:
                if (Advisor is not { } fa)
                {
                    // The id IB sends with this refusal is none (requestFA carries no id); 'b9' is IB's request code.
                    session.Send(GatewayErrors.Create(GatewayErrors.NoValidId, 321, "Error validating request.-'b9' : cause - FA data operations ignored for non FA customers.", Now));
                    return true;
                }
                var xml = r.FaDataType switch
                {
                    FaGroups => fa.GroupsXml(),
                    FaProfiles when session.ServerVersion < FaProfileDesupport => fa.ProfilesXml(),
                    FaAliases => fa.AliasesXml(),
                    _ => null,
                };
                if (xml is null) session.Send(GatewayErrors.Create(GatewayErrors.NoValidId, 321, "Error validating request.-'b9' : cause - Non-existent FA data operation request", Now));
                else session.Send(new ReceiveFA { FaDataType = r.FaDataType, Xml = xml });
                return true;
            case FAReplace r:
                ReplaceFa(session, r);
                return true;
            case PlaceOrderRequest r when Advisor is { } advisor && r.Order is not null:
                return RefuseOrAllocate(client, r, advisor);
            default:
                return false;
        }
    }

    private void ReplaceFa(GatewaySession session, FAReplace r)
    {
        if (Advisor is not { } fa)
        {
            session.Send(GatewayErrors.Create(r.ReqId, 321, "Error validating request.-'b1' : cause - FA data operations ignored for non FA customers.", Now));
            return;
        }
        IReadOnlyList<string> invalid = [];
        var error = r.FaDataType switch
        {
            FaGroups => fa.TryReplaceGroups(r.Xml ?? "", out invalid),
            FaProfiles when session.ServerVersion < FaProfileDesupport => fa.TryReplaceProfiles(r.Xml ?? "", out invalid),
            // Aliases are named in TWS's account window; the API only reads them (UNCONFIRMED: IB's refusal text).
            FaAliases => "account aliases cannot be replaced through the API",
            _ => "Non-existent FA data operation request",
        };
        if (invalid.Count > 0)
            session.Send(GatewayErrors.Create(r.ReqId, 10231, "The following Groups and/or Profiles contain invalid accounts: " + string.Join(", ", invalid), Now));
        else if (error is not null)
            session.Send(GatewayErrors.Create(r.ReqId, 321, "Error validating request.-'b1' : cause - " + error, Now));
        // Before 157 replaceFA carries no id and IB confirms nothing (UNCONFIRMED: the text of replaceFAEnd).
        else if (session.ServerVersion >= ReplaceFaEndVersion)
            session.Send(new ReplaceFAEnd { ReqId = r.ReqId, Text = "FA configuration replaced" });
    }

    /// <summary>An FA group order's ticket with the allocation RefuseOrAllocate computed for it; any other unchanged.</summary>
    private OrderTicket WithFaAllocation(ClientLines client, PlaceOrderRequest r, OrderTicket ticket) =>
        Advisor is not null && !string.IsNullOrWhiteSpace(r.Order.FaGroup) && FaAllocations.TryGetValue((client.ClientId, r.OrderId), out var fa)
            ? ticket with { Allocation = fa.Shares }
            : ticket;

    // False lets the order engine take the order (possibly with its account filled in from the allocation).
    private bool RefuseOrAllocate(ClientLines client, PlaceOrderRequest r, AdvisorSetup fa)
    {
        var order = r.Order;
        var account = (order.Account ?? "").Trim();
        if (string.IsNullOrWhiteSpace(order.FaGroup))
        {
            if (account.Length > 0 && account != fa.Advisor.Value) return false;
            Market.UseOrderId(new OrderId(r.OrderId));
            client.Session.Send(GatewayErrors.Create(r.OrderId, 436, "You must specify an allocation (either a single account, group, or profile).", Now));
            return true;
        }
        if (fa.FindGroup(order.FaGroup.Trim()) is not { } group)
        {
            Market.UseOrderId(new OrderId(r.OrderId));
            client.Session.Send(GatewayErrors.OrderRejected(r.OrderId, $"Group {order.FaGroup} does not exist", Now));
            return true;
        }
        var method = string.IsNullOrWhiteSpace(order.FaMethod) ? group.DefaultMethod : order.FaMethod.Trim();
        var pctOk = decimal.TryParse(order.FaPercentage, NumberStyles.Number, CultureInfo.InvariantCulture, out var pct);
        var pctChange = method.Equals("PctChange", StringComparison.OrdinalIgnoreCase);
        if (!AdvisorSetup.Methods.Contains(method) || (pctChange && (!pctOk || pct == 0 || pct < -100 || pct > 100))
            || (!pctChange && !string.IsNullOrWhiteSpace(order.FaPercentage)))
        {
            Market.UseOrderId(new OrderId(r.OrderId));
            // ERRTAB 10012: an faPercentage that is missing, out of range, or given for another method.
            client.Session.Send(GatewayErrors.Create(r.OrderId, 10012, "Invalid allocation percentage", Now));
            return true;
        }
        var quantity = WireFormat.ParseDecimal(order.TotalQuantity) ?? 0m;
        var shares = AdvisorSetup.Allocate(group, method, quantity, a =>
            method.Equals("AvailableEquity", StringComparison.OrdinalIgnoreCase) ? Market.AccountValues(a).AvailableFunds : Market.AccountValues(a).NetLiquidation);
        FaAllocations[(client.ClientId, r.OrderId)] = new FaAllocation(group.Name, method, shares);
        order.Account = shares.FirstOrDefault(s => s.Quantity > 0).Account.Value ?? group.Accounts[0].Value;
        return false;
    }
}
