using System.Globalization;
using Google.Protobuf;
using IBApi.protobuf;
using Microsoft.Extensions.Logging;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// reqMatchingSymbols, reqMarketRule, reqSmartComponents, reqMktDepthExchanges, reqSoftDollarTiers, reqUserInfo,
// reqFamilyCodes, setServerLogLevel: one-shot reference answers from the catalogue and the session.
public sealed partial class PaperMarketBackend
{
    private bool OnReferenceRequest(ClientLines client, IMessage request)
    {
        var session = client.Session;
        switch (request)
        {
            case MatchingSymbolsRequest r:
                var samples = new SymbolSamples { ReqId = r.ReqId };
                foreach (var c in Market.Catalogue.MatchingSymbols(r.Pattern ?? ""))
                {
                    var description = new ContractDescription
                    {
                        Contract = new Contract
                        {
                            ConId = c.ConId.Value, Symbol = c.Symbol, SecType = c.SecType.ToIb(), Currency = c.Currency,
                            PrimaryExch = c.PrimaryExchange.Length > 0 ? c.PrimaryExchange : c.Exchange,
                            Description = c.LongName, IssuerId = "",
                        },
                    };
                    // The derivative types IB lists are those that exist on the symbol: here, options when listed.
                    if (Market.Catalogue.OptionsOn(c.ConId).Count > 0) description.DerivativeSecTypes.Add("OPT");
                    samples.ContractDescriptions.Add(description);
                }
                session.Send(samples);
                return true;
            case MarketRuleRequest r:
                if (Market.Catalogue.MarketRule(r.MarketRuleId) is not { } increments)
                {
                    // UNCONFIRMED: what IB answers for a rule id it does not have; a reply rather than silence,
                    // so a client does not wait forever.
                    session.Send(GatewayErrors.ValidationFailed(GatewayErrors.NoValidId, $"market rule id {r.MarketRuleId} is not known", Now));
                    return true;
                }
                var rule = new MarketRule { MarketRuleId = r.MarketRuleId };
                foreach (var (low, increment) in increments)
                    rule.PriceIncrements.Add(new PriceIncrement { LowEdge = (double)low, Increment = (double)increment });
                session.Send(rule);
                return true;
            case SmartComponentsRequest r:
                var components = new SmartComponents { ReqId = r.ReqId };
                foreach (var (bit, exchange, letter) in VenueDirectory.SmartComponents)
                    components.SmartComponents_.Add(new SmartComponent { BitNumber = bit, Exchange = exchange, ExchangeLetter = letter });
                session.Send(components);
                return true;
            case MarketDepthExchangesRequest:
                var depth = new MarketDepthExchanges();
                foreach (var d in VenueDirectory.DepthExchanges(Market.Catalogue))
                    depth.DepthMarketDataDescriptions.Add(new DepthMarketDataDescription
                    {
                        Exchange = d.Exchange, SecType = d.SecType, ListingExch = d.ListingExchange, ServiceDataType = d.ServiceDataType, AggGroup = d.AggGroup,
                    });
                session.Send(depth);
                return true;
            case SoftDollarTiersRequest r:
                // Soft-dollar tiers are set up for institutional accounts; a paper individual account has none
                // (UNCONFIRMED against a capture).
                session.Send(new SoftDollarTiers { ReqId = r.ReqId });
                return true;
            case UserInfoRequest r:
                // The white-branding id is empty unless the account belongs to a white-branded broker.
                session.Send(new UserInfo { ReqId = r.ReqId, WhiteBrandingId = "" });
                return true;
            case FamilyCodesRequest:
                var codes = new FamilyCodes();
                // UNCONFIRMED: the family code of an account outside any family (empty here).
                foreach (var account in Market.ManagedAccounts)
                    codes.FamilyCodes_.Add(new FamilyCode { AccountId = account.Value, FamilyCode_ = "" });
                session.Send(codes);
                return true;
            case SetServerLogLevelRequest r:
                // IB acknowledges nothing: the level only changes what the gateway writes to its own log.
                _logger.LogInformation("client {ClientId}: server log level {Level}", client.ClientId, r.LogLevel.ToString(CultureInfo.InvariantCulture));
                return true;
            default:
                return false;
        }
    }
}
