using System.Security.Cryptography;
using System.Text;

namespace TradingDesk.Grpc.Access;

/// <summary>
/// The configured clients by token hash. A presented token is hashed once and compared with every client's hash in
/// constant time (all of them, so the time does not tell which one came close).
/// </summary>
internal sealed class ClientDirectory(IReadOnlyList<GrpcCaller> callers)
{
    private readonly (byte[] Hash, GrpcCaller Caller)[] _entries =
        [.. callers.Select(c => (Convert.FromHexString(c.Client.TokenSha256), c))];

    public IReadOnlyList<GrpcCaller> Callers => callers;

    public GrpcCaller? Find(string token)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        GrpcCaller? found = null;
        foreach (var (hash, caller) in _entries)
            if (CryptographicOperations.FixedTimeEquals(presented, hash)) found = caller;
        return found;
    }
}
