using Google.Protobuf;
using Google.Protobuf.Reflection;
using IBApi.protobuf;

namespace TradingDesk.Simulator.Gateway;

/// <summary>
/// The gateway's settings as reqConfig reports them and updateConfig changes them, in IB's schema (ConfigResponse:
/// lockAndExit, messages, api.precautions, api.settings, orders.smartRouting). Starts from a paper gateway's usual
/// values (UNCONFIRMED against a real gateway's export). An update applies only the fields it sets; it is refused
/// whole when any value is invalid.
/// </summary>
internal sealed class GatewayConfigState
{
    private static readonly HashSet<string> LoggingLevels = ["System", "Error", "Warning", "Information", "Detail"];

    private ConfigResponse _current = new()
    {
        LockAndExit = new LockAndExitConfig { AutoLogoffTime = "11:45 PM", AutoLogoffPeriod = "PM", AutoLogoffType = "Auto Logoff" },
        Api = new ApiConfig
        {
            Precautions = new ApiPrecautionsConfig { BypassOrderPrecautions = false, BypassBondWarning = false, BypassRedirectOrderWarning = false },
            Settings = new ApiSettingsConfig
            {
                ReadOnlyApi = false, DownloadOpenOrdersOnConnection = true, SocketPort = 4002, MasterClientId = 0,
                BulkDataTimeout = 60, LoggingLevel = "Error", AllowLocalhostOnly = true, EncodeApiMessages = "UTF-8",
                SendInstrumentTimezone = "Exchange", RejectMessagesAboveMaxRate = false,
            },
        },
        Orders = new OrdersConfig { SmartRouting = new OrdersSmartRoutingConfig { SeekPriceImprovement = false, DoNotRouteToDarkPools = false } },
        Messages =
        {
            new MessageConfig { Id = 1, Title = "Cross Side Warning", Message = "The order will change the position from long to short or short to long.", DefaultAction = "OK", Enabled = true },
            new MessageConfig { Id = 2, Title = "Order Precautions", Message = "The order exceeds a precautionary setting.", DefaultAction = "OK", Enabled = true },
        },
    };

    /// <summary>api.settings.readOnlyApi: orders are refused while it is set.</summary>
    public bool ReadOnlyApi => _current.Api.Settings.ReadOnlyApi;

    public ConfigResponse Snapshot(int reqId)
    {
        var copy = _current.Clone();
        copy.ReqId = reqId;
        return copy;
    }

    public UpdateConfigResponse Apply(UpdateConfigRequest update)
    {
        var next = _current.Clone();
        var changed = new List<string>();
        var errors = new List<string>();
        if (update.LockAndExit is { } lockAndExit) Merge(next.LockAndExit, lockAndExit, "lockAndExit.", changed);
        if (update.Api is { } api) Merge(next.Api, api, "api.", changed);
        if (update.Orders is { } orders) Merge(next.Orders, orders, "orders.", changed);
        foreach (var m in update.Messages)
        {
            if (next.Messages.FirstOrDefault(x => x.Id == m.Id) is not { } known)
            {
                errors.Add($"messages: no message with id {m.Id}");
                continue;
            }
            Merge(known, m, $"messages[{m.Id}].", changed);
        }
        var s = next.Api.Settings;
        if (s.HasLoggingLevel && !LoggingLevels.Contains(s.LoggingLevel)) errors.Add($"api.settings.loggingLevel: '{s.LoggingLevel}' is not one of {string.Join(", ", LoggingLevels)}");
        if (s.BulkDataTimeout <= 0) errors.Add("api.settings.bulkDataTimeout must be positive");
        if (s.MasterClientId < 0) errors.Add("api.settings.masterClientId must not be negative");
        // The listening port is the one this connection came in on: changing it would drop every client.
        if (s.SocketPort != _current.Api.Settings.SocketPort) errors.Add("api.settings.socketPort cannot be changed while clients are connected");
        var response = new UpdateConfigResponse { ReqId = update.ReqId };
        if (errors.Count > 0)
        {
            response.Status = "FAILED";
            response.Errors.AddRange(errors);
            return response;
        }
        _current = next;
        response.Status = "SUCCESS";
        response.ChangedFields.AddRange(changed);
        return response;
    }

    // Copies every field the update sets into target, recursing into sub-messages, and names what changed.
    private static void Merge(IMessage target, IMessage update, string prefix, List<string> changed)
    {
        foreach (var field in update.Descriptor.Fields.InFieldNumberOrder())
        {
            var name = prefix + field.JsonName;
            var targetField = target.Descriptor.FindFieldByName(field.Name);
            if (targetField is null) continue;
            if (field.IsRepeated)
            {
                var items = (System.Collections.IList)field.Accessor.GetValue(update);
                if (items.Count == 0) continue;
                var current = (System.Collections.IList)targetField.Accessor.GetValue(target);
                if (current.Cast<object>().SequenceEqual(items.Cast<object>())) continue;
                current.Clear();
                foreach (var item in items) current.Add(item);
                changed.Add(name);
            }
            else if (field.FieldType == FieldType.Message)
            {
                if (field.Accessor.GetValue(update) is not IMessage sub) continue;
                if (targetField.Accessor.GetValue(target) is not IMessage existing)
                {
                    existing = targetField.MessageType.Parser.ParseFrom(ByteString.Empty);
                    targetField.Accessor.SetValue(target, existing);
                }
                Merge(existing, sub, name + ".", changed);
            }
            else if (field.Accessor.HasValue(update))
            {
                var value = field.Accessor.GetValue(update);
                if (targetField.Accessor.HasValue(target) && Equals(targetField.Accessor.GetValue(target), value)) continue;
                targetField.Accessor.SetValue(target, value);
                changed.Add(name);
            }
        }
    }
}
