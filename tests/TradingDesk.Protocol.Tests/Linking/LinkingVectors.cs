namespace TradingDesk.Protocol.Tests.Linking;

/// <summary>
/// Frames CONSTRUCTED in IB's field order (IBPY client.queryDisplayGroups …, IBJ processDisplayGroupListMsg …), in the
/// captured-vectors notation; no capture of these messages is known.
/// </summary>
internal static class LinkingVectors
{
    public const string QueryDisplayGroups = @"67\01\09010\0";
    public const string SubscribeToGroupEvents = @"68\01\09011\01\0";
    public const string UpdateDisplayGroup = @"69\01\09011\08314@SMART\0";
    public const string UnsubscribeFromGroupEvents = @"70\01\09011\0";
    public const string DisplayGroupList = @"67\01\09010\01|2|3|4|5|6|7\0";
    public const string DisplayGroupUpdated = @"68\01\09011\08314@SMART\0";

    public const string VerifyRequest = @"65\01\0TradingDesk\010.46\0";
    public const string VerifyMessage = @"66\01\0api-data\0";
    public const string VerifyMessageApi = @"65\01\0challenge-data\0";
    public const string VerifyCompletedOk = @"66\01\0true\0\0";
    public const string VerifyCompletedFailed = @"66\01\0false\0Invalid API key\0";

    public const string VerifyAndAuthRequest = @"72\01\0TradingDesk\010.46\0ISV-KEY-1\0";
    public const string VerifyAndAuthMessage = @"73\01\0api-data\0xyz-response\0";
    public const string VerifyAndAuthMessageApi = @"69\01\0api-data\0xyz-challenge\0";
    public const string VerifyAndAuthCompleted = @"70\01\0true\0\0";
}
