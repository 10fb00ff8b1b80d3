using IBApi.protobuf;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Executions;

/// <summary>Hand-written frames in IBPY's field order for the execDetails layouts no vector covers.</summary>
public sealed class ExecutionLayoutTests
{
    [Fact]
    public void Exec_details_carry_the_submitter_from_198()
    {
        var m = CodecAssert.DecodeText<ExecutionDetails>(ExecutionVectors.ExecDetails + @"alice\0", ServerVersions.Submitter, ServerToClient);
        Assert.Equal("alice", m.Execution.Submitter);
        Assert.Equal(2, m.Execution.LastLiquidity);
    }

    [Fact]
    public void Exec_details_before_178_end_at_last_liquidity()
    {
        var m = CodecAssert.DecodeText<ExecutionDetails>(ExecutionVectors.ExecDetails[..^2], 177, ServerToClient);
        Assert.Equal(2, m.Execution.LastLiquidity);
        Assert.False(m.Execution.HasIsPriceRevisionPending);
    }

    [Fact]
    public void Exec_details_before_136_start_with_a_version()
    {
        // Version 10 layout, no modelCode gate issue (≥103) and no lastLiquidity (< 136).
        var frame = @"11\010\0-1\013\076792991\0TSLA\0STK\0\00.0\0\0\0ISLAND\0USD\0TSLA\0NMS\0E1\020230224  12:04:56\0DU1\0ISLAND\0SLD\05\0196.52\0991\0100\01\05\0196.52\0ref\0\0\0MODEL\0";
        var m = CodecAssert.DecodeText<ExecutionDetails>(frame, 135, ServerToClient);
        Assert.Equal(-1, m.ReqId);
        Assert.Equal("NMS", m.Contract.TradingClass);
        Assert.Equal("SLD", m.Execution.Side);
        Assert.True(m.Execution.IsLiquidation);
        Assert.Equal("ref", m.Execution.OrderRef);
        Assert.Equal("MODEL", m.Execution.ModelCode);
        Assert.False(m.Execution.HasLastLiquidity);
    }
}
