namespace TradingDesk.Hosting.Tests.Telemetry;

/// <summary>A loopback port free at the time of asking, for an endpoint the test then binds.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
