using IBApi.protobuf;
using TradingDesk.Protocol.Text;

namespace TradingDesk.Protocol.Messages;

internal static partial class ContractCodecs
{
    // The 17 fund fields contractDetails (10) carries when secType is FUND, from 179 (FUND_DATA_FIELDS).
    // IBPY maps the last two to enums from their text codes; the proto keeps the codes as strings, so do we.
    private static void ReadFundFields(ref TextFieldReader f, ContractDetails d)
    {
        if (f.ReadStringOrUnset("fundName") is { } name) d.FundName = name;
        if (f.ReadStringOrUnset("fundFamily") is { } family) d.FundFamily = family;
        if (f.ReadStringOrUnset("fundType") is { } type) d.FundType = type;
        if (f.ReadStringOrUnset("fundFrontLoad") is { } frontLoad) d.FundFrontLoad = frontLoad;
        if (f.ReadStringOrUnset("fundBackLoad") is { } backLoad) d.FundBackLoad = backLoad;
        if (f.ReadStringOrUnset("fundBackLoadTimeInterval") is { } interval) d.FundBackLoadTimeInterval = interval;
        if (f.ReadStringOrUnset("fundManagementFee") is { } fee) d.FundManagementFee = fee;
        if (f.ReadBoolOrUnset("fundClosed") is { } closed) d.FundClosed = closed;
        if (f.ReadBoolOrUnset("fundClosedForNewInvestors") is { } closedInvestors) d.FundClosedForNewInvestors = closedInvestors;
        if (f.ReadBoolOrUnset("fundClosedForNewMoney") is { } closedMoney) d.FundClosedForNewMoney = closedMoney;
        if (f.ReadStringOrUnset("fundNotifyAmount") is { } notify) d.FundNotifyAmount = notify;
        if (f.ReadStringOrUnset("fundMinimumInitialPurchase") is { } initial) d.FundMinimumInitialPurchase = initial;
        if (f.ReadStringOrUnset("fundSubsequentMinimumPurchase") is { } subsequent) d.FundMinimumSubsequentPurchase = subsequent;
        if (f.ReadStringOrUnset("fundBlueSkyStates") is { } states) d.FundBlueSkyStates = states;
        if (f.ReadStringOrUnset("fundBlueSkyTerritories") is { } territories) d.FundBlueSkyTerritories = territories;
        if (f.ReadStringOrUnset("fundDistributionPolicyIndicator") is { } policy) d.FundDistributionPolicyIndicator = policy;
        if (f.ReadStringOrUnset("fundAssetType") is { } assetType) d.FundAssetType = assetType;
    }

    private static void WriteFundFields(ref TextFieldWriter w, ContractDetails d)
    {
        w.WriteString(d.FundName);
        w.WriteString(d.FundFamily);
        w.WriteString(d.FundType);
        w.WriteString(d.FundFrontLoad);
        w.WriteString(d.FundBackLoad);
        w.WriteString(d.FundBackLoadTimeInterval);
        w.WriteString(d.FundManagementFee);
        w.WriteBoolOrUnset(d.HasFundClosed, d.FundClosed);
        w.WriteBoolOrUnset(d.HasFundClosedForNewInvestors, d.FundClosedForNewInvestors);
        w.WriteBoolOrUnset(d.HasFundClosedForNewMoney, d.FundClosedForNewMoney);
        w.WriteString(d.FundNotifyAmount);
        w.WriteString(d.FundMinimumInitialPurchase);
        w.WriteString(d.FundMinimumSubsequentPurchase);
        w.WriteString(d.FundBlueSkyStates);
        w.WriteString(d.FundBlueSkyTerritories);
        w.WriteString(d.FundDistributionPolicyIndicator);
        w.WriteString(d.FundAssetType);
    }
}
