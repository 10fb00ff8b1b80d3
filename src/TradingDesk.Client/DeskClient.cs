using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client;

/// <summary>
/// A connection to the desk's gRPC front (tradingdesk.v1.TradingDesk). Create with <see cref="ConnectAsync"/>, which
/// checks the address and the token before it returns; dispose to close the channel (open streams end).
/// Streams are <see cref="IAsyncEnumerable{T}"/>s whose items are typed records, the stream's own notes among them;
/// unary calls return typed records or ids. Every failure is a <see cref="DeskCallException"/> (a subclass per kind),
/// and a message the client cannot read is a <see cref="DeskWireException"/>.
/// </summary>
public sealed partial class DeskClient : IAsyncDisposable, IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly W.TradingDesk.TradingDeskClient _desk;
    private readonly DeskClientOptions _options;
    private readonly CancellationTokenSource _closing = new();
    private int _disposed;

    private DeskClient(Uri address, GrpcChannel channel, W.TradingDesk.TradingDeskClient desk, DeskClientOptions options)
    {
        Address = address;
        _channel = channel;
        _desk = desk;
        _options = options;
    }

    /// <summary>The desk's address as given to <see cref="ConnectAsync"/>.</summary>
    public Uri Address { get; }

    /// <summary>
    /// Opens a channel to <paramref name="address"/> (http:// for h2c, https:// for TLS), sends <paramref name="token"/> as
    /// <c>authorization: Bearer token</c> on every call, and asks the desk for the time to prove both. Throws
    /// <see cref="UnauthenticatedException"/> for a token the desk refuses, <see cref="DeskUnavailableException"/> when
    /// nothing answers there, <see cref="ArgumentException"/> for an address or token that is not one.
    /// </summary>
    public static async Task<DeskClient> ConnectAsync(string address, string token, DeskClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DeskClientOptions();
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"'{address}' is not a desk address: use http://host:port (h2c) or https://host:port", nameof(address));
        if (string.IsNullOrWhiteSpace(token) || token.Any(char.IsWhiteSpace))
            throw new ArgumentException("the token must be a non-empty string without spaces", nameof(token));

        var channel = GrpcChannel.ForAddress(uri, new GrpcChannelOptions
        {
            HttpHandler = options.HttpHandler,
            MaxReceiveMessageSize = options.MaxReceiveMessageSize,
            DisposeHttpClient = true,
            // The caller's own cancellation is an OperationCanceledException, as everywhere in .NET, not a desk failure.
            ThrowOperationCanceledOnCancellation = true,
        });
        // Metadata on every call rather than CallCredentials: those are refused on a plain-text channel, and the desk's
        // loopback front runs h2c.
        var bearer = "Bearer " + token;
        var invoker = channel.Intercept(metadata =>
        {
            metadata.Add("authorization", bearer);
            return metadata;
        });
        var client = new DeskClient(uri, channel, new W.TradingDesk.TradingDeskClient(invoker), options);
        try
        {
            await client.ProbeAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    // Reachability and the token in one call. A failure the desk itself reports (its gateway is down or slow) still
    // proves the desk answered and took the token, so the client connects; only the transport's and the desk's
    // authentication's statuses fail here.
    private async Task ProbeAsync(CancellationToken ct)
    {
        using var call = _desk.GetCurrentTimeAsync(new W.GetCurrentTime(), deadline: DateTime.UtcNow + _options.ConnectTimeout, cancellationToken: ct);
        try
        {
            await call.ResponseAsync.ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (DeadlinePassed(call))
        {
            throw new DeskUnavailableException(StatusCode.DeadlineExceeded, $"no answer from {Address} within {_options.ConnectTimeout}", e);
        }
        catch (RpcException e)
        {
            var failure = DeskFailures.From(e);
            if (failure.Failure is not null) return;
            if (failure is TimedOutException)
                throw new DeskUnavailableException(e.StatusCode, $"no answer from {Address} within {_options.ConnectTimeout}", e);
            throw failure;
        }
    }

    private CallOptions Unary(CancellationToken ct) => new(deadline: DateTime.UtcNow + _options.CallTimeout, cancellationToken: ct);

    // One place that turns a failed unary call into the typed exception and a malformed reply into DeskWireException.
    private static async Task<TResult> Call<TReply, TResult>(string name, AsyncUnaryCall<TReply> call, Func<TReply, TResult> map)
    {
        TReply reply;
        using (call)
        {
            try
            {
                reply = await call.ResponseAsync.ConfigureAwait(false);
            }
            // ThrowOperationCanceledOnCancellation makes the channel report a passed deadline as a cancellation too; only
            // the caller's own cancellation is one, the deadline is the desk not answering in time.
            catch (OperationCanceledException e) when (DeadlinePassed(call))
            {
                throw new TimedOutException(StatusCode.DeadlineExceeded, $"{name}: no reply within the call's deadline", null, null, e);
            }
            catch (RpcException e)
            {
                throw DeskFailures.From(e);
            }
        }
        try
        {
            return map(reply);
        }
        catch (System.Runtime.Serialization.SerializationException e)
        {
            throw new DeskWireException(name, e.Message, e);
        }
    }

    // The call's status once it ended: DEADLINE_EXCEEDED when its deadline passed (GetStatus throws while it runs).
    private static bool DeadlinePassed<TReply>(AsyncUnaryCall<TReply> call)
    {
        try
        {
            return call.GetStatus().StatusCode == StatusCode.DeadlineExceeded;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Closes the channel; open streams end with a cancellation.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _closing.Cancel(); // cancels every open stream's call (RST_STREAM): the desk releases their lines at once
        _channel.Dispose();
        _closing.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
