using TradingDesk.Desk.Domain;

namespace TradingDesk.Client;

// The settings that DeskClient.GetGatewayConfigAsync reads and DeskClient.UpdateGatewayConfigAsync changes are the
// domain's GatewaySettings (TradingDesk.Desk.Domain), the types the desk itself carries.

/// <summary>
/// The gateway's answer to an update: <see cref="Status"/> is its word ("SUCCESS" when it applied the change, "FAILED"
/// when it refused the whole update), with the fields it changed, its errors and the warnings to accept first.
/// </summary>
public sealed record GatewayConfigResult(string Status, string Message, IReadOnlyList<string> ChangedFields, IReadOnlyList<string> Errors, IReadOnlyList<ConfigWarning> Warnings)
{
    public bool Succeeded => Status == "SUCCESS";
}
