using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingDesk.Grpc;

namespace TradingDesk.Hosting;

/// <summary>
/// Serves the gRPC front (<see cref="GrpcSettings"/>) once the desk has started: registered after
/// <see cref="TradingDeskService"/>, so the generic host starts it after the desk's first connection and stops it first,
/// before the strategies and the desk stop. Its clients' calls reach the same desk actor as the hosted strategies.
/// </summary>
public sealed class GrpcFrontService(TradingDeskOptions options, TradingDeskService desk, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private RunningGrpcFront? _front;

    /// <summary>Where the front listens, with its real port (after start).</summary>
    public Uri? Address => _front?.Address;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _front = await GrpcFront.StartAsync(desk.System!, desk.Desk, ToFrontOptions(options), loggers, cancellationToken);
        }
        catch (GrpcFrontRefusedException ex)
        {
            throw new DeskStartException($"the gRPC front: {string.Join("; ", ex.Problems)}");
        }
        catch (IOException ex)
        {
            // Kestrel's "address already in use" and the like.
            throw new DeskStartException($"the gRPC front cannot listen on {options.Grpc.Listen}: {ex.Message}");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _front, null) is { } front) await front.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    /// <summary>The front's own options from the settings; each client's risk limits are the tighter of its own and the desk's.</summary>
    public static GrpcFrontOptions ToFrontOptions(TradingDeskOptions options) => new()
    {
        Listen = options.Grpc.Listen!,
        CertificatePath = options.Grpc.CertificatePath,
        CertificatePassword = options.Grpc.CertificatePassword,
        Clients = [.. options.Grpc.Clients.Select(c => new GrpcClientOptions
        {
            Name = c.Name,
            Strategy = c.StrategyName,
            TokenSha256 = c.TokenSha256,
            Access = c.Access,
            RiskLimits = c.Risk?.TightenedBy(options.Risk).ToLimits(),
        })],
    };
}
