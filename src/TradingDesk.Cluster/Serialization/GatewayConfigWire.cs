using TradingDesk.Desk.Domain;
using static TradingDesk.Contracts.Mapping.GatewaySettingsWire;
using static TradingDesk.Contracts.Mapping.WireValues;
using D = TradingDesk.Desk.Messages.GatewayConfigMessages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>
/// The gateway's configuration (reqConfig / updateConfig): the desk's messages here, their settings through
/// <see cref="TradingDesk.Contracts.Mapping.GatewaySettingsWire"/>, which keeps every setting's presence.
/// </summary>
internal static class GatewayConfigWire
{
    public static void Register(WireTable t)
    {
        t.Add(Manifests.GetGatewayConfig, W.GetGatewayConfig.Parser, (D.GetGatewayConfig _) => new W.GetGatewayConfig(), _ => new D.GetGatewayConfig());
        t.Add(Manifests.GatewayConfig, W.GatewayConfig.Parser,
            (D.GatewayConfig m) => new W.GatewayConfig { Settings = ToWire(m.Settings), LocalTime = Time(m.LocalTime) },
            w => new D.GatewayConfig(FromWire(Required(w.Settings, "settings")), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.UpdateGatewayConfig, W.UpdateGatewayConfig.Parser,
            (D.UpdateGatewayConfig m) => new W.UpdateGatewayConfig
            {
                Changes = ToWire(m.Changes), AcceptedWarnings = { m.AcceptedWarnings.Select(ToWire) }, ResetApiOrderSequence = m.ResetApiOrderSequence,
            },
            w => new D.UpdateGatewayConfig(FromWire(Required(w.Changes, "changes")), w.AcceptedWarnings.Select(FromWire).ToList(), w.ResetApiOrderSequence));
        t.Add(Manifests.GatewayConfigUpdated, W.GatewayConfigUpdated.Parser,
            (D.GatewayConfigUpdated m) => new W.GatewayConfigUpdated
            {
                Status = m.Status, Message = m.Message, ChangedFields = { m.ChangedFields }, Errors = { m.Errors }, Warnings = { m.Warnings.Select(ToWire) },
                LocalTime = Time(m.LocalTime),
            },
            w => new D.GatewayConfigUpdated(w.Status, w.Message, w.ChangedFields.ToList(), w.Errors.ToList(), w.Warnings.Select(FromWire).ToList(),
                Time(w.LocalTime, "local_time")));
        t.Add(Manifests.ConfigWarning, W.ConfigWarning.Parser, (ConfigWarning m) => ToWire(m), FromWire);
        t.Add(Manifests.GatewaySettings, W.GatewaySettings.Parser, (GatewaySettings m) => ToWire(m), FromWire);
        t.Add(Manifests.MessageSetting, W.MessageSetting.Parser, (MessageSetting m) => ToWire(m), FromWire);
        t.Add(Manifests.LockAndExitSettings, W.LockAndExitSettings.Parser, (LockAndExitSettings m) => ToWire(m), FromWire);
        t.Add(Manifests.ApiPrecautions, W.ApiPrecautions.Parser, (ApiPrecautions m) => ToWire(m), FromWire);
        t.Add(Manifests.ApiSettings, W.ApiSettings.Parser, (ApiSettings m) => ToWire(m), FromWire);
        t.Add(Manifests.SmartRoutingSettings, W.SmartRoutingSettings.Parser, (SmartRoutingSettings m) => ToWire(m), FromWire);
    }
}
