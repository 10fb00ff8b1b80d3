using System.Threading.Channels;
using Google.Protobuf;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Tests.Support;

/// <summary>A backend for connection-layer tests: records what reaches it, hands out order ids from a counter.</summary>
public sealed class RecordingBackend : IGatewayBackend
{
    public int NextId { get; set; } = 1;
    public Channel<(int ClientId, IMessage Request)> Requests { get; } = Channel.CreateUnbounded<(int, IMessage)>();
    public Channel<int> Closed { get; } = Channel.CreateUnbounded<int>();

    public int NextValidOrderId(int clientId) => NextId;
    public void OnClientStarted(GatewaySession session) { }
    public void OnRequest(GatewaySession session, IMessage request) => Requests.Writer.TryWrite((session.ClientId!.Value, request));
    public void OnClientClosed(GatewaySession session) => Closed.Writer.TryWrite(session.ClientId!.Value);
}
