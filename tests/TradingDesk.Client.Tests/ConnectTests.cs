using System.Net;
using System.Net.Sockets;
using TradingDesk.Client.Tests.Support;
using Xunit;

namespace TradingDesk.Client.Tests;

public sealed class ConnectTests
{
    [Fact]
    public async Task The_token_goes_as_a_bearer_authorization_header_on_every_call()
    {
        await using var server = await TestDeskServer.StartAsync();
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var time = await desk.GetCurrentTimeAsync();

        Assert.Equal(DeskScript.At, time);
        Assert.Equal(new Uri(server.Address), desk.Address);
        // The connect probe and the call, both with the header.
        Assert.Equal(new string?[] { "Bearer good-token", "Bearer good-token" }, server.Script.Authorizations.ToArray());
    }

    [Fact]
    public async Task A_refused_token_fails_at_connect_with_a_typed_exception()
    {
        await using var server = await TestDeskServer.StartAsync();

        var e = await Assert.ThrowsAsync<UnauthenticatedException>(() => DeskClient.ConnectAsync(server.Address, "wrong-token"));

        Assert.Equal(Grpc.Core.StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal(DeskFailureKind.Unauthenticated, e.Kind);
        Assert.Null(e.Failure);
        Assert.Contains("unknown token", e.Message, StringComparison.Ordinal);
        Assert.Equal(new string?[] { "Bearer wrong-token" }, server.Script.Authorizations.ToArray());
    }

    [Fact]
    public async Task An_address_where_nothing_listens_fails_at_connect_as_desk_unavailable()
    {
        // A port that was free a moment ago and is closed now: the connection is refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var e = await Assert.ThrowsAsync<DeskUnavailableException>(() => DeskClient.ConnectAsync($"http://127.0.0.1:{port}", DeskScript.GoodToken));

        Assert.Equal(Grpc.Core.StatusCode.Unavailable, e.StatusCode);
    }

    [Fact]
    public async Task A_desk_that_does_not_answer_within_the_connect_timeout_fails_at_connect_as_desk_unavailable()
    {
        await using var server = await TestDeskServer.StartAsync(new DeskScript { CurrentTimeHangs = true });
        var options = new DeskClientOptions { ConnectTimeout = TimeSpan.FromMilliseconds(300) };

        // The channel reports its deadline as a cancellation; the client must not pass that on as the caller's own.
        var e = await Assert.ThrowsAsync<DeskUnavailableException>(() => DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken, options).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(Grpc.Core.StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.Contains("no answer from", e.Detail, StringComparison.Ordinal);
    }

    [Theory, InlineData("127.0.0.1:50051"), InlineData("ftp://127.0.0.1:50051"), InlineData("not a url")]
    public async Task An_address_that_is_not_a_url_is_refused_before_any_call(string address)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => DeskClient.ConnectAsync(address, DeskScript.GoodToken));
        Assert.Contains("http://host:port", e.Message, StringComparison.Ordinal);
    }
}
