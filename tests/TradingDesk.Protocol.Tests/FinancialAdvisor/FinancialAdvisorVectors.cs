namespace TradingDesk.Protocol.Tests.FinancialAdvisor;

/// <summary>
/// Financial Advisor frames CONSTRUCTED in captured-vectors notation from IBPY client.requestFA / replaceFA /
/// reqFamilyCodes and IB's decoders (IBCS ReceiveFAEvent, IBPY processReplaceFAEndMsg, processFamilyCodesMsg).
/// No capture of them exists in the fact sheet; accounts and XML are illustrative.
/// </summary>
internal static class FinancialAdvisorVectors
{
    public const string RequestGroups = @"18\01\01\0";
    public const string RequestAliases = @"18\01\03\0";

    public const string GroupsXml =
        @"<?xml version=""1.0"" encoding=""UTF-8""?><ListOfGroups><Group><name>Equal</name><defaultMethod>Equal</defaultMethod></Group></ListOfGroups>";

    /// <summary>replaceFA before 157: no request id.</summary>
    public const string ReplaceGroups156 = @"19\01\01\0" + GroupsXml + @"\0";

    /// <summary>replaceFA from 157: the request id follows the XML.</summary>
    public const string ReplaceGroups157 = @"19\01\01\0" + GroupsXml + @"\09020\0";

    public const string ReceiveGroups = @"16\01\01\0" + GroupsXml + @"\0";

    public const string ReplaceFaEnd = @"103\09020\0FA data has been replaced\0";

    public const string ReqFamilyCodes = @"80\0";

    public const string FamilyCodes = @"78\02\0DU1234567\0F1234567\0DU7654321\0\0";
}
