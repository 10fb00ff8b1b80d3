namespace TradingDesk.Grpc;

/// <summary>
/// <see cref="GrpcFront.StartAsync"/> refused its options (a non-loopback <see cref="GrpcFrontOptions.Listen"/> without a
/// certificate, duplicate clients, a malformed token hash, ...). <see cref="Problems"/> says what to change, one line each.
/// </summary>
public sealed class GrpcFrontRefusedException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    /// <summary>Each problem in the words of the configuration.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
