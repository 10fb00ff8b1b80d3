using System.Buffers;
using System.Buffers.Binary;

namespace TradingDesk.Protocol.Framing;

/// <summary>
/// A growable byte buffer rented from <see cref="ArrayPool{T}"/>, used by the encoder to build one frame:
/// it reserves the length prefix, takes the body, then patches the length in. Dispose returns the array.
/// Owned by whoever encodes; never handed to an actor (callers copy <see cref="WrittenSpan"/> out).
/// </summary>
public sealed class FrameBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _array;
    private int _written;

    public FrameBuffer(int initialCapacity = 256) => _array = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public int WrittenCount => _written;
    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _written);
    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _written);

    public void Clear() => _written = 0;

    public void Advance(int count)
    {
        if (count < 0 || _written + count > _array.Length) throw new ArgumentOutOfRangeException(nameof(count));
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_written);
    }

    /// <summary>Writes one byte.</summary>
    public void Write(byte value)
    {
        Ensure(1);
        _array[_written++] = value;
    }

    /// <summary>Writes bytes.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_array.AsSpan(_written));
        _written += bytes.Length;
    }

    /// <summary>Writes a big-endian int32 (length prefixes and binary message ids).</summary>
    public void WriteInt32BigEndian(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_array.AsSpan(_written), value);
        _written += 4;
    }

    /// <summary>Overwrites a big-endian int32 at <paramref name="position"/> (patching a reserved length prefix).</summary>
    public void PatchInt32BigEndian(int position, int value) =>
        BinaryPrimitives.WriteInt32BigEndian(_array.AsSpan(position, 4), value);

    public byte[] ToArray() => WrittenSpan.ToArray();

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _array.Length) return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array.Length * 2));
        _array.AsSpan(0, _written).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
    }

    public void Dispose()
    {
        var array = _array;
        _array = [];
        _written = 0;
        if (array.Length > 0) ArrayPool<byte>.Shared.Return(array);
    }
}
