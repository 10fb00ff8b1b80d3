using TradingDesk.Desk.Domain;
using static TradingDesk.Contracts.Mapping.WireValues;
using Settings = TradingDesk.Contracts.Mapping.GatewaySettingsWire;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Mapping;

/// <summary>
/// The gateway configuration's replies to the client's results: a reply's settings must be there, an update's result
/// is the client's own record; the settings themselves go through <see cref="Settings"/> both ways.
/// </summary>
internal static class GatewayConfigMapping
{
    public static GatewaySettings FromWire(W.GatewaySettings? w) => Settings.FromWire(Required(w, "settings"));

    public static GatewayConfigResult Result(W.GatewayConfigUpdated w) =>
        new(w.Status, w.Message, w.ChangedFields.ToList(), w.Errors.ToList(), w.Warnings.Select(Settings.FromWire).ToList());
}
