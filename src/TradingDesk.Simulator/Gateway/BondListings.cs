using IBApi.protobuf;

namespace TradingDesk.Simulator.Gateway;

/// <summary>
/// A few synthetic US Treasury notes so that reqContractDetails for secType BOND can be answered the way TWS
/// answers bonds: bondContractData (in 18), not contractData. They are descriptions only: the paper market does not
/// list or trade bonds, so market data and orders for them get error 200. CUSIPs and conIds are made up.
/// </summary>
internal static class BondListings
{
    private sealed record Bond(int ConId, string Cusip, double Coupon, string Maturity, string IssueDate, string LongName);

    private static readonly Bond[] All =
    [
        new(900_000_001, "SIMUST001", 4.25, "20281115", "20251115", "US Treasury Note 4.25% 15Nov2028 (simulated)"),
        new(900_000_002, "SIMUST002", 4.0, "20300215", "20250215", "US Treasury Note 4% 15Feb2030 (simulated)"),
        new(900_000_003, "SIMUST003", 4.5, "20351115", "20251115", "US Treasury Note 4.5% 15Nov2035 (simulated)"),
    ];

    /// <summary>Bonds matching a request's contract: by conId, or by symbol (the issuer ticker "US-T" or a CUSIP), and currency.</summary>
    public static IEnumerable<ContractData> Search(int reqId, Contract c)
    {
        foreach (var b in All)
        {
            if (c.ConId != 0 && c.ConId != b.ConId) continue;
            if (!string.IsNullOrWhiteSpace(c.Symbol) && !c.Symbol.Equals("US-T", StringComparison.OrdinalIgnoreCase)
                && !c.Symbol.Equals(b.Cusip, StringComparison.OrdinalIgnoreCase)) continue;
            if (!string.IsNullOrWhiteSpace(c.Currency) && !c.Currency.Equals("USD", StringComparison.OrdinalIgnoreCase)) continue;
            yield return new ContractData
            {
                ReqId = reqId,
                Contract = new Contract
                {
                    ConId = b.ConId, Symbol = "US-T", SecType = "BOND", LastTradeDateOrContractMonth = b.Maturity,
                    Exchange = "SMART", Currency = "USD", TradingClass = "",
                },
                ContractDetails = new ContractDetails
                {
                    Cusip = b.Cusip, Coupon = b.Coupon, IssueDate = b.IssueDate, Ratings = "", BondType = "US T-NOTE",
                    CouponType = "FIXED", Convertible = false, Callable = false, Puttable = false, DescAppend = "",
                    MarketName = "US-T", MinTick = "0.0001", OrderTypes = "LMT", ValidExchanges = "SMART",
                    NextOptionDate = "", NextOptionType = "", NextOptionPartial = false, BondNotes = "",
                    LongName = b.LongName, TimeZoneId = "US/Eastern", AggGroup = 1, MarketRuleIds = "",
                    MinSize = "1000", SizeIncrement = "1000", SuggestedSizeIncrement = "1000",
                },
            };
        }
    }
}
