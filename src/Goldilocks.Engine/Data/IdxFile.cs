using System.Buffers.Binary;
using System.IO.Compression;

namespace Goldilocks.Data;

/// <summary>
/// Reader for the IDX format of MNIST/FashionMNIST (LeCun et al.): big-endian magic 0x0000TTDD (TT = 0x08 unsigned
/// bytes, DD = number of dimensions), DD big-endian int32 sizes, then the data. Gzip-compressed files (.gz) are read
/// transparently. Strict: a bad magic number, wrong dimensions or a truncated body raise <see cref="InvalidDataException"/>
/// naming the file and the problem.
/// </summary>
internal static class IdxFile
{
    /// <param name="Shape">Dimensions from the header, outermost first.</param>
    /// <param name="Data">The unsigned bytes of the body, row-major.</param>
    public sealed record Contents(int[] Shape, byte[] Data);

    public static Contents Read(string path, int expectedDimensions)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"IDX file not found: {path}", path);
        byte[] bytes;
        try
        {
            using var file = File.OpenRead(path);
            using Stream source = IsGzip(path) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var memory = new MemoryStream();
            source.CopyTo(memory);
            bytes = memory.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: corrupt gzip stream ({e.Message})", e);
        }
        return Parse(bytes, expectedDimensions, path);
    }

    public static Contents Parse(byte[] bytes, int expectedDimensions, string name)
    {
        if (bytes.Length < 4) throw new InvalidDataException($"{name}: file is empty or shorter than the 4-byte IDX header");
        if (bytes[0] != 0 || bytes[1] != 0 || bytes[2] != 0x08)
            throw new InvalidDataException($"{name}: bad IDX magic number 0x{BinaryPrimitives.ReadUInt32BigEndian(bytes):X8} (expected 0x000008{expectedDimensions:X2}, unsigned bytes)");
        int dims = bytes[3];
        if (dims != expectedDimensions)
            throw new InvalidDataException($"{name}: IDX file has {dims} dimensions, expected {expectedDimensions}");
        int header = 4 + 4 * dims;
        if (bytes.Length < header) throw new InvalidDataException($"{name}: truncated IDX header ({bytes.Length} bytes, need {header})");
        var shape = new int[dims];
        long count = 1;
        for (int i = 0; i < dims; i++)
        {
            shape[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * i));
            if (shape[i] <= 0) throw new InvalidDataException($"{name}: IDX dimension {i} has non-positive size {shape[i]}");
            count *= shape[i];
        }
        if (bytes.Length - header != count)
            throw new InvalidDataException($"{name}: IDX body has {bytes.Length - header} bytes but the header announces {count} ({string.Join("×", shape)}); the file is truncated or has trailing data");
        return new Contents(shape, bytes.AsSpan(header).ToArray());
    }

    private static bool IsGzip(string path)
    {
        using var f = File.OpenRead(path);
        return f.ReadByte() == 0x1f && f.ReadByte() == 0x8b;
    }
}
