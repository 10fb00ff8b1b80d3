using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>
/// The gateway's own configuration (its API settings, precautions, messages, lock-and-exit and SMART routing
/// defaults): read with reqConfig (server version 219) and changed with updateConfig (221). Sent by strategies to the
/// desk; each reply goes to the sender, or <see cref="RequestFailed"/> with a typed <see cref="DeskFailure"/>
/// (InvalidRequest, naming the version, when the gateway is older; InvalidRequest before anything is sent when the
/// input cannot be asked). Every setting is nullable: in a reply null means the gateway did not send it, in an update
/// it means "leave it as it is" (IB's updateConfig changes only the fields it carries). The settings themselves
/// (<see cref="GatewaySettings"/> and its sections) are domain types, shared with the .NET client.
/// </summary>
public static class GatewayConfigMessages
{
    /// <summary>The gateway's configuration (reqConfig). A read: safe to retry. Reply: <see cref="GatewayConfig"/>.</summary>
    public sealed record GetGatewayConfig : IDeskCommand;

    /// <summary>Reply to <see cref="GetGatewayConfig"/>.</summary>
    public sealed record GatewayConfig(GatewaySettings Settings, DateTimeOffset LocalTime);

    /// <summary>
    /// Change the settings <paramref name="Changes"/> sets (updateConfig). The gateway may answer with warnings instead
    /// of applying a change: send the same update again with those warnings in <paramref name="AcceptedWarnings"/> to
    /// confirm it. <paramref name="ResetApiOrderSequence"/> restarts the API order id sequence. A write: never re-sent
    /// after a reconnect. Reply: <see cref="GatewayConfigUpdated"/>, whose status says whether the gateway applied it.
    /// </summary>
    public sealed record UpdateGatewayConfig(GatewaySettings Changes, IReadOnlyList<ConfigWarning> AcceptedWarnings, bool ResetApiOrderSequence = false) : IDeskCommand;

    /// <summary>
    /// The gateway's answer to <see cref="UpdateGatewayConfig"/>: its <paramref name="Status"/> word ("SUCCESS" when it
    /// applied the change, "FAILED" when it refused the whole update), the fields it changed (in IB's dotted names,
    /// "api.settings.bulkDataTimeout"), its errors and the warnings to accept before it applies the change.
    /// </summary>
    public sealed record GatewayConfigUpdated(
        string Status, string Message, IReadOnlyList<string> ChangedFields, IReadOnlyList<string> Errors, IReadOnlyList<ConfigWarning> Warnings,
        DateTimeOffset LocalTime)
    {
        /// <summary>The gateway's word for an update it applied.</summary>
        public const string Success = "SUCCESS";
    }
}
