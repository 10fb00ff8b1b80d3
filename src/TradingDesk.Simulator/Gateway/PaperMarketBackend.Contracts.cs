using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// reqContractDetails, and the contract resolution every other family uses.
public sealed partial class PaperMarketBackend
{
    private bool OnContractRequest(ClientLines client, IMessage request)
    {
        if (request is not ContractDataRequest r) return request is CancelContractData;
        if (string.Equals(r.Contract?.SecType?.Trim(), "BOND", StringComparison.OrdinalIgnoreCase))
        {
            // TWS answers bonds with bondContractData (in 18): the codec picks it for a ContractData whose secType is BOND.
            var bonds = BondListings.Search(r.ReqId, r.Contract!).ToList();
            foreach (var bond in bonds) client.Session.Send(bond);
            client.Session.Send(bonds.Count == 0 ? GatewayErrors.NoSecurityDefinition(r.ReqId, Now) : new ContractDataEnd { ReqId = r.ReqId });
            return true;
        }
        var query = WireFormat.ToQuery(r.Contract);
        var matches = query is null ? [] : Market.Search(query);
        if (matches.Count == 0)
        {
            // IND and anything else not listed land here too: IB's answer for a contract it cannot find.
            client.Session.Send(GatewayErrors.NoSecurityDefinition(r.ReqId, Now));
            return true;
        }
        // More than one match returns them all, as TWS does for a partial description.
        var date = DateOnly.FromDateTime(Now.UtcDateTime);
        foreach (var c in matches)
            client.Session.Send(new ContractData { ReqId = r.ReqId, Contract = WireFormat.ToWire(c), ContractDetails = Details(c, date) });
        client.Session.Send(new ContractDataEnd { ReqId = r.ReqId });
        return true;
    }

    private static ContractDetails Details(ContractDefinition c, DateOnly date)
    {
        var d = new ContractDetails
        {
            MarketName = c.TradingClass,
            MinTick = WireFormat.Qty(c.MinTick),
            OrderTypes = c.OrderTypes,
            ValidExchanges = c.ValidExchanges,
            PriceMagnifier = c.PriceMagnifier,
            UnderConId = c.UnderlyingConId?.Value ?? 0,
            LongName = c.LongName,
            ContractMonth = c.ContractMonth,
            Industry = c.Industry,
            Category = c.Category,
            Subcategory = c.Subcategory,
            TimeZoneId = c.TimeZoneId,
            TradingHours = InstrumentCatalogue.TradingHours(c, date),
            LiquidHours = InstrumentCatalogue.LiquidHours(c, date),
            AggGroup = 1,
            MarketRuleIds = c.MarketRuleIds,
            MinSize = WireFormat.Qty(c.MinSize),
            SizeIncrement = WireFormat.Qty(c.SizeIncrement),
            SuggestedSizeIncrement = WireFormat.Qty(c.SizeIncrement),
            RealExpirationDate = c.LastTradeDateOrContractMonth,
        };
        if (c.SecType == SecType.Stock) d.StockType = "COMMON";
        return d;
    }

    /// <summary>
    /// Resolves a request's contract to one listing; sends error 200 (none or ambiguous) with <paramref name="id"/>
    /// and returns null otherwise.
    /// </summary>
    private ContractDefinition? Resolve(GatewaySession session, int id, Contract? wire)
    {
        var query = WireFormat.ToQuery(wire);
        if (query is null)
        {
            session.Send(GatewayErrors.NoSecurityDefinition(id, Now));
            return null;
        }
        var resolution = Market.Catalogue.Resolve(query);
        if (resolution.Contract is { } c) return c;
        session.Send(resolution.IsAmbiguous ? GatewayErrors.Ambiguous(id, Now) : GatewayErrors.NoSecurityDefinition(id, Now));
        return null;
    }
}
