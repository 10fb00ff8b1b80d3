using FsCheck;
using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Tests.Support;
using V = TradingDesk.Protocol.Messages.Contracts.ContractVersions;

namespace TradingDesk.Protocol.Tests.Contracts;

/// <summary>ContractData messages holding exactly what contractDetails (10) or bondContractDetails (18) carry at a version.</summary>
internal static class ContractDataGens
{
    /// <summary>Long names with non-ASCII text: escaped as \uXXXX from 153, raw UTF-8 before.</summary>
    private static Gen<string> LongName => Gen.OneOf(Gens.Text, Gen.Constant("Société Générale – Ω"));

    public static Gen<ContractData> Stock(int v) =>
        from secType in Gens.Optional(ContractGens.SecType("STK", "FUT", "OPT", "FUND", "IND", "CASH"))
        from contract in StockContract(v, secType)
        from details in StockDetails(v, fund: secType == "FUND" && v >= ServerVersions.FundDataFields)
        from reqId in Gens.OptionalValue(Gens.Int)
        select Assemble(reqId, contract, details);

    public static Gen<ContractData> Bond(int v) =>
        from contract in new FieldGen<Contract>()
            .Always(Gen.Constant("BOND"), (c, x) => c.SecType = x) // what routes the message to id 18
            .Text((c, x) => c.Symbol = x)
            .Text((c, x) => c.LastTradeDateOrContractMonth = x) // the bond's maturity
            .Text((c, x) => c.Exchange = x)
            .Text((c, x) => c.Currency = x)
            .Text((c, x) => c.TradingClass = x)
            .Int((c, x) => c.ConId = x)
            .Gen()
        from details in BondDetails(v)
        from reqId in Gens.OptionalValue(Gens.Int)
        select Assemble(reqId, contract, details);

    private static ContractData Assemble(int? reqId, Contract contract, ContractDetails details)
    {
        var m = new ContractData { Contract = contract, ContractDetails = details };
        if (reqId is { } id) m.ReqId = id;
        return m;
    }

    private static Gen<Contract> StockContract(int v, string? secType)
    {
        var g = new FieldGen<Contract>()
            .Text((c, x) => c.Symbol = x)
            .Text((c, x) => c.LastTradeDateOrContractMonth = x)
            .Double((c, x) => c.Strike = x)
            .Text((c, x) => c.Right = x)
            .Text((c, x) => c.Exchange = x)
            .Text((c, x) => c.Currency = x)
            .Text((c, x) => c.LocalSymbol = x)
            .Text((c, x) => c.TradingClass = x)
            .Int((c, x) => c.ConId = x)
            .Double((c, x) => c.Multiplier = x)
            .Text((c, x) => c.PrimaryExch = x);
        if (secType is not null) g.Always(Gen.Constant(secType), (c, x) => c.SecType = x);
        if (v >= ServerVersions.LastTradeDate) g.Text((c, x) => c.LastTradeDate = x);
        return g.Gen();
    }

    private static Gen<ContractDetails> StockDetails(int v, bool fund)
    {
        var g = new FieldGen<ContractDetails>()
            .Text((d, x) => d.MarketName = x)
            .Decimal((d, x) => d.MinTick = x)
            .Text((d, x) => d.OrderTypes = x)
            .Text((d, x) => d.ValidExchanges = x)
            .Int((d, x) => d.PriceMagnifier = x)
            .Int((d, x) => d.UnderConId = x)
            .Ref(LongName, (d, x) => d.LongName = x)
            .Text((d, x) => d.ContractMonth = x)
            .Text((d, x) => d.Industry = x)
            .Text((d, x) => d.Category = x)
            .Text((d, x) => d.Subcategory = x);
        TradingHours(g);
        Common(g, v);
        if (v >= V.UnderlyingInfo) g.Text((d, x) => d.UnderSymbol = x).Text((d, x) => d.UnderSecType = x);
        if (v >= V.RealExpirationDate) g.Text((d, x) => d.RealExpirationDate = x);
        if (v >= V.StockType) g.Text((d, x) => d.StockType = x);
        if (fund) Fund(g);
        if (v >= ServerVersions.IneligibilityReasons) g.With(IneligibilityReasons);
        return g.Gen();
    }

    private static Gen<ContractDetails> BondDetails(int v)
    {
        var g = new FieldGen<ContractDetails>()
            .Text((d, x) => d.Cusip = x)
            .Double((d, x) => d.Coupon = x)
            .Text((d, x) => d.IssueDate = x)
            .Text((d, x) => d.Ratings = x)
            .Text((d, x) => d.BondType = x)
            .Text((d, x) => d.CouponType = x)
            .Bool((d, x) => d.Convertible = x)
            .Bool((d, x) => d.Callable = x)
            .Bool((d, x) => d.Puttable = x)
            .Text((d, x) => d.DescAppend = x)
            .Text((d, x) => d.MarketName = x)
            .Decimal((d, x) => d.MinTick = x)
            .Text((d, x) => d.OrderTypes = x)
            .Text((d, x) => d.ValidExchanges = x)
            .Text((d, x) => d.NextOptionDate = x)
            .Text((d, x) => d.NextOptionType = x)
            .Bool((d, x) => d.NextOptionPartial = x)
            .Text((d, x) => d.BondNotes = x)
            .Text((d, x) => d.LongName = x);
        if (v >= V.BondTradingHours) TradingHours(g);
        Common(g, v);
        return g.Gen();
    }

    private static void TradingHours(FieldGen<ContractDetails> g) => g
        .Text((d, x) => d.TimeZoneId = x)
        .Text((d, x) => d.TradingHours = x)
        .Text((d, x) => d.LiquidHours = x);

    // Fields both layouts carry: ev rule, secIdList, aggGroup, marketRuleIds and the size rules.
    private static void Common(FieldGen<ContractDetails> g, int v)
    {
        g.Text((d, x) => d.EvRule = x)
            .Value(ContractGens.WholeDouble, (d, x) => d.EvMultiplier = x)
            .With(SecIdList);
        if (v >= V.AggGroup) g.Int((d, x) => d.AggGroup = x);
        if (v >= V.MarketRules) g.Text((d, x) => d.MarketRuleIds = x);
        if (v >= ServerVersions.SizeRules)
            g.Decimal((d, x) => d.MinSize = x).Decimal((d, x) => d.SizeIncrement = x).Decimal((d, x) => d.SuggestedSizeIncrement = x);
    }

    private static void Fund(FieldGen<ContractDetails> g) => g
        .Text((d, x) => d.FundName = x)
        .Text((d, x) => d.FundFamily = x)
        .Text((d, x) => d.FundType = x)
        .Text((d, x) => d.FundFrontLoad = x)
        .Text((d, x) => d.FundBackLoad = x)
        .Text((d, x) => d.FundBackLoadTimeInterval = x)
        .Text((d, x) => d.FundManagementFee = x)
        .Bool((d, x) => d.FundClosed = x)
        .Bool((d, x) => d.FundClosedForNewInvestors = x)
        .Bool((d, x) => d.FundClosedForNewMoney = x)
        .Text((d, x) => d.FundNotifyAmount = x)
        .Text((d, x) => d.FundMinimumInitialPurchase = x)
        .Text((d, x) => d.FundMinimumSubsequentPurchase = x)
        .Text((d, x) => d.FundBlueSkyStates = x)
        .Text((d, x) => d.FundBlueSkyTerritories = x)
        .Text((d, x) => d.FundDistributionPolicyIndicator = x)
        .Text((d, x) => d.FundAssetType = x);

    private static Gen<Action<ContractDetails>> SecIdList =>
        from count in Gen.Choose(0, 3)
        from tags in Gen.ArrayOf(Gens.Text, count)
        from values in Gen.ArrayOf(Gens.Text, count)
        select (Action<ContractDetails>)(d =>
        {
            for (var i = 0; i < count; i++) d.SecIdList[tags[i]] = values[i];
        });

    private static Gen<Action<ContractDetails>> IneligibilityReasons =>
        from count in Gen.Choose(0, 3)
        from reasons in Gen.ArrayOf(new FieldGen<IneligibilityReason>()
            .Text((r, x) => r.Id = x)
            .Text((r, x) => r.Description = x)
            .Gen(), count)
        select (Action<ContractDetails>)(d => d.IneligibilityReasonList.AddRange(reasons));
}
