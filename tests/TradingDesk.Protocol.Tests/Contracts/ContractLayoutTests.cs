using IBApi.protobuf;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Contracts;

/// <summary>
/// Frames written by hand in the field order of IBPY's decoder (not captured), for layouts no vector covers.
/// Round trips cannot catch a field order that the reader and the writer get wrong in the same way; these can.
/// </summary>
public sealed class ContractLayoutTests
{
    private const string Bond176 =
        @"18\07\0IBM\0BOND\0459200HU8\03.625\020240212\020140212\0A-\0CORP\0FIXED\00\01\00\0IBM 3 5/8 02/12/24\0SMART\0USD\0IBM\0IBMCORP\0123\00.001\0LMT,MKT\0SMART,BONDDESK\0\0\00\0a note\0IBM CORP\0\0\01\0CUSIP\0459200HU8\02147483647\0239\01\01\01\0";

    [Fact]
    public void Bond_contract_data_decodes_in_ibpy_order()
    {
        var m = CodecAssert.DecodeText<ContractData>(Bond176, 176, ServerToClient);
        Assert.Equal(7, m.ReqId);
        var (c, d) = (m.Contract, m.ContractDetails);
        Assert.Equal("IBM", c.Symbol);
        Assert.Equal("BOND", c.SecType);
        Assert.Equal("459200HU8", d.Cusip);
        Assert.Equal(3.625, d.Coupon);
        Assert.Equal("20240212", c.LastTradeDateOrContractMonth); // maturity
        Assert.Equal("20140212", d.IssueDate);
        Assert.Equal("A-", d.Ratings);
        Assert.Equal("CORP", d.BondType);
        Assert.Equal("FIXED", d.CouponType);
        Assert.False(d.Convertible);
        Assert.True(d.Callable);
        Assert.False(d.Puttable);
        Assert.Equal("IBM 3 5/8 02/12/24", d.DescAppend);
        Assert.Equal("SMART", c.Exchange);
        Assert.Equal("USD", c.Currency);
        Assert.Equal("IBM", d.MarketName);
        Assert.Equal("IBMCORP", c.TradingClass);
        Assert.Equal(123, c.ConId);
        Assert.Equal("0.001", d.MinTick);
        Assert.Equal("LMT,MKT", d.OrderTypes);
        Assert.Equal("SMART,BONDDESK", d.ValidExchanges);
        Assert.False(d.HasNextOptionDate);
        Assert.False(d.NextOptionPartial);
        Assert.Equal("a note", d.BondNotes);
        Assert.Equal("IBM CORP", d.LongName);
        Assert.False(d.HasTimeZoneId); // bond trading hours only from 188
        Assert.Equal("459200HU8", d.SecIdList["CUSIP"]);
        Assert.False(d.HasAggGroup);
        Assert.Equal("239", d.MarketRuleIds);
        Assert.Equal("1", d.SuggestedSizeIncrement);
        CodecAssert.RoundTrip(m, 176, ServerToClient, Codec.WireEncoding.Text);
    }

    [Fact]
    public void Bond_contract_data_carries_trading_hours_from_188()
    {
        var frame = Bond176.Replace(@"\0IBM CORP\0", @"\0IBM CORP\0US/Eastern\020240101:0800-20240101:1700\020240101:0930-20240101:1600\0", StringComparison.Ordinal);
        var d = CodecAssert.DecodeText<ContractData>(frame, 188, ServerToClient).ContractDetails;
        Assert.Equal("US/Eastern", d.TimeZoneId);
        Assert.Equal("20240101:0800-20240101:1700", d.TradingHours);
        Assert.Equal("20240101:0930-20240101:1600", d.LiquidHours);
        Assert.Equal("239", d.MarketRuleIds);
    }

    [Fact]
    public void Fund_contract_data_carries_the_fund_fields_from_179()
    {
        // The TSLA fixture as a FUND: its stray trailing empty field gives way to the 17 fund fields.
        var fund = ContractVectors.ContractDataTsla.Replace(@"TSLA\0STK\0", @"VFIAX\0FUND\0", StringComparison.Ordinal)[..^2]
                   + @"Vanguard 500\0Vanguard\0Open-end\00.0\00.0\0\00.04\01\00\00\01000\03000\0100\0ALL\0\0N\0001\0";
        var m = CodecAssert.DecodeText<ContractData>(fund, ServerVersions.FundDataFields, ServerToClient);
        var d = m.ContractDetails;
        Assert.Equal("FUND", m.Contract.SecType);
        Assert.Equal("100", d.SuggestedSizeIncrement);
        Assert.Equal("Vanguard 500", d.FundName);
        Assert.Equal("Vanguard", d.FundFamily);
        Assert.Equal("Open-end", d.FundType);
        Assert.Equal("0.0", d.FundFrontLoad);
        Assert.Equal("0.0", d.FundBackLoad);
        Assert.False(d.HasFundBackLoadTimeInterval);
        Assert.Equal("0.04", d.FundManagementFee);
        Assert.True(d.FundClosed);
        Assert.False(d.FundClosedForNewInvestors);
        Assert.False(d.FundClosedForNewMoney);
        Assert.Equal("1000", d.FundNotifyAmount);
        Assert.Equal("3000", d.FundMinimumInitialPurchase);
        Assert.Equal("100", d.FundMinimumSubsequentPurchase);
        Assert.Equal("ALL", d.FundBlueSkyStates);
        Assert.False(d.HasFundBlueSkyTerritories);
        Assert.Equal("N", d.FundDistributionPolicyIndicator);
        Assert.Equal("001", d.FundAssetType);
    }

    [Fact]
    public void Contract_data_from_186_carries_last_trade_date_and_ineligibility_reasons()
    {
        var frame = ContractVectors.ContractDataEs
            .Replace(@"US/Central\00\0\0CME", @"US/Central\020250620\00\0\0CME", StringComparison.Ordinal)
            + @"2\0R1\0No permissions\0R2\0\0";
        var m = CodecAssert.DecodeText<ContractData>(frame, ServerVersions.IneligibilityReasons, ServerToClient);
        Assert.Equal("20250620 08:30 US/Central", m.Contract.LastTradeDateOrContractMonth);
        Assert.Equal("20250620", m.Contract.LastTradeDate);
        Assert.Equal(0.0, m.Contract.Strike);
        var reasons = m.ContractDetails.IneligibilityReasonList;
        Assert.Equal(2, reasons.Count);
        Assert.Equal("R1", reasons[0].Id);
        Assert.Equal("No permissions", reasons[0].Description);
        Assert.Equal("R2", reasons[1].Id);
        Assert.False(reasons[1].HasDescription);
    }

    [Fact]
    public void Long_name_unescapes_unicode_from_153()
    {
        var frame = ContractVectors.ContractDataTsla.Replace("TESLA INC", @"SOCI\u00c9T\u00c9 G\u00c9N\u00c9RALE", StringComparison.Ordinal);
        Assert.Equal("SOCIÉTÉ GÉNÉRALE", CodecAssert.DecodeText<ContractData>(frame, 176, ServerToClient).ContractDetails.LongName);
    }
}
