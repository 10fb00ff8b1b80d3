using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.DisplayGroupMessages;
using static TradingDesk.Desk.Messages.FinancialAdvisorMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>requestFA → receiveFA. No request id: the router's "fa" owner serialises askers of every kind.</summary>
internal sealed class FaConfigurationPlan(GetFaConfiguration command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new FARequest { FaDataType = (int)command.Kind };
    // Only the kind asked for completes it: a receiveFA of another kind is a late answer to an earlier asker.
    public override Step Accept(IMessage message, DateTimeOffset at) => message is ReceiveFA r && r.FaDataType == (int)command.Kind
        ? new Step.Complete(new FaConfiguration(command.Kind, r.Xml, at))
        : Step.Continue.Instance;
}

/// <summary>replaceFA → replaceFAEnd (by request id). It changes the account set-up: never re-sent after a reconnect.</summary>
internal sealed class ReplaceFaPlan(ReplaceFaConfiguration command) : RequestPlan
{
    public override object Command => command;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new FAReplace { ReqId = requestId, FaDataType = (int)command.Kind, Xml = command.Xml };
    public override Step Accept(IMessage message, DateTimeOffset at) => message is ReplaceFAEnd e
        ? new Step.Complete(new FaConfigurationReplaced(command.Kind, e.Text, at))
        : Step.Continue.Instance;
}

/// <summary>queryDisplayGroups → displayGroupList ("4|1|2|3"). A read: safe to retry.</summary>
internal sealed class DisplayGroupsPlan(QueryDisplayGroups command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new QueryDisplayGroupsRequest { ReqId = requestId };
    public override Step Accept(IMessage message, DateTimeOffset at) => message is DisplayGroupList l
        ? new Step.Complete(new DisplayGroups(ParseGroups(l.Groups), at))
        : Step.Continue.Instance;

    /// <summary>The ids in IB's "|"-separated list; anything that is not a number is skipped (it names no group).</summary>
    internal static IReadOnlyList<int> ParseGroups(string text) =>
        text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .OfType<int>().ToList();
}
