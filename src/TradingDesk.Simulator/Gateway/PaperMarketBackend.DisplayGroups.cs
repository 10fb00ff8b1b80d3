using System.Globalization;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// queryDisplayGroups, subscribeToGroupEvents, updateDisplayGroup, unsubscribeFromGroupEvents. Display groups are
// the gateway's window groups, so their contracts are shared by every client: one client's update reaches every
// subscriber of the group.
public sealed partial class PaperMarketBackend
{
    /// <summary>TWS's seven colour-linked groups (UNCONFIRMED: the count a gateway reports).</summary>
    private const string DisplayGroupIds = "1|2|3|4|5|6|7";

    /// <summary>Group id → contractInfo ("none", "combo", or "conId@exchange"), as IB encodes it.</summary>
    private readonly Dictionary<int, string> _displayGroups = [];

    private bool OnDisplayGroupRequest(ClientLines client, IMessage request)
    {
        var session = client.Session;
        switch (request)
        {
            case QueryDisplayGroupsRequest r:
                session.Send(new DisplayGroupList { ReqId = r.ReqId, Groups = DisplayGroupIds });
                return true;
            case SubscribeToGroupEventsRequest r:
                if (IsDuplicate(client, r.ReqId)) return true;
                if (r.GroupId is < 1 or > 7)
                {
                    session.Send(GatewayErrors.ValidationFailed(r.ReqId, $"display group {r.GroupId} is not one of {DisplayGroupIds}", Now));
                    return true;
                }
                client.Live[r.ReqId] = new DisplayGroupLine(r.ReqId, r.GroupId);
                // IB answers a subscription with the group's current contract at once.
                session.Send(new DisplayGroupUpdated { ReqId = r.ReqId, ContractInfo = _displayGroups.GetValueOrDefault(r.GroupId, "none") });
                return true;
            case UpdateDisplayGroupRequest r:
                // The reqId is the subscription's: the update goes to the group that subscription follows.
                if (!client.Live.TryGetValue(r.ReqId, out var line) || line is not DisplayGroupLine subscribed)
                {
                    session.Send(GatewayErrors.ValidationFailed(r.ReqId, $"no display group subscription with id {r.ReqId}", Now));
                    return true;
                }
                if (!ValidContractInfo(r.ContractInfo))
                {
                    session.Send(GatewayErrors.ValidationFailed(r.ReqId, $"contractInfo '{r.ContractInfo}' is not 'none', 'combo' or 'conId@exchange' of a known contract", Now));
                    return true;
                }
                _displayGroups[subscribed.GroupId] = r.ContractInfo.Trim();
                foreach (var c in _clients.Values)
                    foreach (var g in c.Live.Values.OfType<DisplayGroupLine>().Where(g => g.GroupId == subscribed.GroupId))
                        c.Session.Send(new DisplayGroupUpdated { ReqId = g.ReqId, ContractInfo = _displayGroups[subscribed.GroupId] });
                return true;
            case UnsubscribeFromGroupEventsRequest r:
                if (client.Live.TryGetValue(r.ReqId, out var u) && u is DisplayGroupLine) client.Live.Remove(r.ReqId);
                return true;
            default:
                return false;
        }
    }

    private bool ValidContractInfo(string? info)
    {
        var s = (info ?? "").Trim();
        if (s is "none" or "combo") return true;
        var at = s.IndexOf('@');
        return at > 0 && at < s.Length - 1
            && int.TryParse(s[..at], NumberStyles.None, CultureInfo.InvariantCulture, out var conId)
            && Market.Catalogue.TryGet(new ConId(conId), out _);
    }
}

/// <summary>subscribeToGroupEvents: displayGroupUpdated goes out whenever the group's contract changes.</summary>
internal sealed class DisplayGroupLine(int reqId, int groupId) : LiveRequest(reqId)
{
    public int GroupId { get; } = groupId;
}
