using Akka.Actor;
using Microsoft.Extensions.Logging.Abstractions;
using TradingDesk.Testing;
using Xunit;

namespace TradingDesk.Grpc.Tests;

/// <summary>The front's options say what to change, and the front refuses to listen in the open without TLS.</summary>
public sealed class OptionsTests : DeskTestKit
{
    private static readonly string Hash = AccessTokens.Hash("tdk_x");

    [Fact]
    public async Task A_non_loopback_listen_without_a_certificate_is_refused_with_one_line()
    {
        var options = new GrpcFrontOptions { Listen = "0.0.0.0:50051" };

        var refused = await Assert.ThrowsAsync<GrpcFrontRefusedException>(
            () => GrpcFront.StartAsync(Sys, ActorRefs.Nobody, options, NullLoggerFactory.Instance, CancellationToken.None));

        Assert.Equal("TradingDesk:Grpc:Listen 0.0.0.0:50051 is not a loopback address: configure TradingDesk:Grpc:CertificatePath (TLS) to listen there",
            Assert.Single(refused.Problems));
    }

    [Fact]
    public void Duplicate_clients_and_a_malformed_hash_are_problems()
    {
        var options = new GrpcFrontOptions
        {
            Clients =
            [
                new GrpcClientOptions { Name = "a", Strategy = "s1", TokenSha256 = Hash },
                new GrpcClientOptions { Name = "a", Strategy = "s2", TokenSha256 = "abc" },
            ],
        };

        var problems = options.Validate();

        Assert.Contains(problems, p => p.Contains("client name 'a' is used by 2 clients", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Clients:1:TokenSha256", StringComparison.Ordinal) && p.Contains("64 hex", StringComparison.Ordinal));
        Assert.Empty(new GrpcFrontOptions().Validate());
        Assert.Contains(new GrpcFrontOptions { Listen = "nowhere" }.Validate(), p => p.Contains("host:port", StringComparison.Ordinal));
    }

    [Fact]
    public void Tokens_are_random_prefixed_and_only_their_hash_matches()
    {
        var token = AccessTokens.NewToken();

        Assert.StartsWith(AccessTokens.Prefix, token, StringComparison.Ordinal);
        Assert.NotEqual(token, AccessTokens.NewToken());
        Assert.DoesNotContain(token[AccessTokens.Prefix.Length..], c => c is '+' or '/' or '=');
        Assert.True(AccessTokens.IsHash(AccessTokens.Hash(token)));
        Assert.True(AccessTokens.Matches(token, AccessTokens.Hash(token).ToUpperInvariant()));
        Assert.False(AccessTokens.Matches(token + "x", AccessTokens.Hash(token)));
    }
}
