using System.Runtime.InteropServices;

namespace Rollcall.Storage.Faces;

/// <summary>A face embedding as stored (reference cache, verified probes): float32 values, little-endian.</summary>
public static class ProbeBytes
{
    public static byte[]? FromFloats(float[]? embedding) =>
        embedding is null ? null : MemoryMarshal.AsBytes(embedding.AsSpan()).ToArray();

    public static float[] ToFloats(byte[] bytes) => MemoryMarshal.Cast<byte, float>(bytes).ToArray();
}
