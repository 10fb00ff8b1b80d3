using TradingDesk.Desk.Domain;
using static TradingDesk.Contracts.Mapping.WireValues;
using Settings = TradingDesk.Contracts.Mapping.GatewaySettingsWire;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Mapping;

/// <summary>
/// The gateway configuration's wire form to the client's results and back; the settings themselves go through
/// <see cref="Settings"/>, which keeps every setting's presence.
/// </summary>
internal static class GatewayConfigMapping
{
    public static W.GatewaySettings ToWire(GatewaySettings m) => Settings.ToWire(m);

    public static GatewaySettings FromWire(W.GatewaySettings? w) => Settings.FromWire(Required(w, "settings"));

    public static GatewayConfigResult Result(W.GatewayConfigUpdated w) =>
        new(w.Status, w.Message, w.ChangedFields.ToList(), w.Errors.ToList(), w.Warnings.Select(Settings.FromWire).ToList());
}
