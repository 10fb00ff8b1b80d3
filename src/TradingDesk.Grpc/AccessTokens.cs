using System.Security.Cryptography;
using System.Text;

namespace TradingDesk.Grpc;

/// <summary>
/// Bearer tokens of the gRPC front. A client presents <c>authorization: Bearer &lt;token&gt;</c>; the front stores and
/// compares only the SHA-256 of tokens, in constant time.
/// </summary>
public static class AccessTokens
{
    /// <summary>What every token made by <see cref="NewToken"/> starts with, so a leaked one is recognisable.</summary>
    public const string Prefix = "tdk_";

    /// <summary>A new token: <see cref="Prefix"/> and 32 random bytes in URL-safe base64 without padding.</summary>
    public static string NewToken()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        return Prefix + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The lower-case hex SHA-256 of the token's UTF-8 bytes: what <see cref="GrpcClientOptions.TokenSha256"/> holds.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether <paramref name="hex"/> is 64 hex characters (either case).</summary>
    public static bool IsHash(string? hex) => hex is { Length: 64 } && hex.All(Uri.IsHexDigit);

    /// <summary>Whether the token hashes to <paramref name="hashHex"/>, compared in constant time.</summary>
    public static bool Matches(string token, string hashHex) =>
        IsHash(hashHex) && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), Convert.FromHexString(hashHex));
}
