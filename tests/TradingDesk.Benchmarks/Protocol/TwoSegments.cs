using System.Buffers;

namespace TradingDesk.Benchmarks.Protocol;

/// <summary>A payload as a pipe hands it over when it straddles two of its buffers.</summary>
internal static class TwoSegments
{
    public static ReadOnlySequence<byte> Split(byte[] payload, int at)
    {
        var first = new Segment(payload.AsMemory(0, at), 0);
        var second = first.Append(payload.AsMemory(at));
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
