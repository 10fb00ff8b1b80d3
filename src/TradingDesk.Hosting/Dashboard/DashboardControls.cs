using Akka.Actor;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Strategies.StrategyHostMessages;

namespace TradingDesk.Hosting.Dashboard;

/// <summary>What a control did: an HTTP status and one line for the page, in the user's words.</summary>
public sealed record ControlResult(int Status, string Message)
{
    public bool Ok => Status is >= 200 and < 300;
}

/// <summary>
/// The dashboard's controls, each one of the desk's own commands: the kill switch (OrderCommands.ActivateKillSwitch and
/// ReleaseKillSwitch, to the desk) and a strategy's stop and start (StopStrategy and StartStrategy, to the strategy host,
/// with the props the host built at start). Input is checked before anything is sent. Runs on the web server's threads,
/// outside any actor, so awaiting the desk's reply here blocks nothing.
/// </summary>
public sealed class DashboardControls(IActorRef desk, IActorRef host, Func<string, Props?> strategyProps, TimeSpan timeout)
{
    /// <summary>The longest kill-switch reason: it is journaled and logged, not a place for an essay.</summary>
    public const int MaxReason = 200;

    /// <summary>Why <paramref name="reason"/> cannot be the kill switch's reason; null when it can.</summary>
    public static string? ReasonProblem(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return "give a reason for the kill switch (it is journaled and logged with it)";
        if (reason.Length > MaxReason) return $"the reason is {reason.Length} characters; at most {MaxReason}";
        return reason.Any(char.IsControl) ? "the reason contains a control character (a line break, a tab …): write it on one line" : null;
    }

    public async Task<ControlResult> KillAsync(string? reason)
    {
        if (ReasonProblem(reason) is { } problem) return new(400, problem);
        return await AskAsync(desk, new OrderCommands.ActivateKillSwitch(reason!.Trim()), reply => reply switch
        {
            OrderEvents.KillSwitchActivated k => new(200, $"kill switch on: {k.CancelledOrders.Count} working order(s) cancelled, new orders refused until released"),
            _ => null,
        });
    }

    public Task<ControlResult> ReleaseAsync() => AskAsync(desk, new OrderCommands.ReleaseKillSwitch(), reply => reply switch
    {
        OrderEvents.KillSwitchReleased => new(200, "kill switch released: orders are accepted again"),
        _ => null,
    });

    public Task<ControlResult> StopAsync(string name)
    {
        if (strategyProps(name) is null) return Task.FromResult(Unknown(name));
        return AskAsync(host, new StopStrategy(name), reply => reply switch
        {
            StrategyStopped => new(200, $"strategy {name} stopped (its working orders stay; the kill switch cancels them)"),
            _ => null,
        });
    }

    public Task<ControlResult> StartAsync(string name)
    {
        if (strategyProps(name) is not { } props) return Task.FromResult(Unknown(name));
        return AskAsync(host, new StartStrategy(name, props), reply => reply switch
        {
            StrategyStarted => new(200, $"strategy {name} started"),
            _ => null,
        });
    }

    private static ControlResult Unknown(string name) =>
        new(404, $"no strategy named '{(name.Length > 64 ? name[..64] + "…" : name)}' is hosted here");

    private async Task<ControlResult> AskAsync(IActorRef target, object command, Func<object, ControlResult?> success)
    {
        object reply;
        try
        {
            reply = await target.Ask(command, timeout);
        }
        catch (AskTimeoutException)
        {
            return new(504, $"no answer from the desk within {Durations.Format(timeout)}: it may still act on the command; watch the page");
        }
        return success(reply) ?? reply switch
        {
            RequestFailed f => new(409, f.Failure.Reason),
            _ => new(500, $"unexpected answer from the desk: {reply.GetType().Name}"),
        };
    }
}
