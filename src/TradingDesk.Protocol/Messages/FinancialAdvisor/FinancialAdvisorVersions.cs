namespace TradingDesk.Protocol.Messages.FinancialAdvisor;

/// <summary>
/// IB's MIN_SERVER_VER_* gates (IBPY <c>server_versions.py</c>) of the Financial Advisor messages, and IB's
/// faDataType values. Kept family-local so the shared <see cref="ServerVersions"/> stays untouched.
/// </summary>
internal static class FinancialAdvisorVersions
{
    /// <summary>MIN_SERVER_VER_REQ_FAMILY_CODES: reqFamilyCodes and familyCodes exist.</summary>
    public const int ReqFamilyCodes = 107;
    /// <summary>MIN_SERVER_VER_REPLACE_FA_END: replaceFA carries its reqId, and TWS answers with replaceFAEnd.</summary>
    public const int ReplaceFaEnd = 157;
    /// <summary>MIN_SERVER_VER_FA_PROFILE_DESUPPORT: FA profiles (faDataType 2) can no longer be requested or replaced.</summary>
    public const int FaProfileDesupport = 177;

    /// <summary>faDataType values (IBPY common.FaDataTypeEnum): 1 groups, 2 profiles, 3 account aliases.</summary>
    public const int Groups = 1, Profiles = 2, Aliases = 3;
}
