using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests.Support;

/// <summary>Failed calls as the desk's front sends them: a google.rpc.Status with one Failure packed in its details.</summary>
public static class Rich
{
    public static RpcException Failure(Google.Rpc.Code code, string message, W.Failure failure) =>
        new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(failure) } }.ToRpcException();

    /// <summary>INVALID_ARGUMENT with the desk's InvalidRequest, as the desk refuses a request it checked.</summary>
    public static RpcException Invalid(string problem) =>
        Failure(Google.Rpc.Code.InvalidArgument, problem, new W.Failure { InvalidRequest = new W.InvalidRequest { Problem = problem } });
}
