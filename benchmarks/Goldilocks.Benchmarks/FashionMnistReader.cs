using System.IO.Compression;

namespace Goldilocks.Benchmarks;

/// <summary>
/// A minimal reader of the first n FashionMNIST training samples from the IDX gz files (big-endian header: magic,
/// counts, dims; then bytes). Benchmark-only: the project's own data loader lives in Goldilocks.Engine/Data.
/// </summary>
internal static class FashionMnistReader
{
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    public static bool Available(string directory = DefaultDirectory) =>
        File.Exists(Path.Combine(directory, "train-images-idx3-ubyte.gz")) && File.Exists(Path.Combine(directory, "train-labels-idx1-ubyte.gz"));

    /// <summary>Pixels scaled to [0, 1] as [n, 784] float64 and labels as int64.</summary>
    public static (double[] Pixels, long[] Labels) Read(int n, string directory = DefaultDirectory)
    {
        var images = ReadIdx(Path.Combine(directory, "train-images-idx3-ubyte.gz"), 2051, n, out int rowLength);
        if (rowLength != 784) throw new InvalidDataException($"expected 28×28 images, got {rowLength} pixels per image");
        var labels = ReadIdx(Path.Combine(directory, "train-labels-idx1-ubyte.gz"), 2049, n, out _);
        return (images.Select(b => b / 255.0).ToArray(), labels.Select(b => (long)b).ToArray());
    }

    private static byte[] ReadIdx(string path, int magic, int n, out int rowLength)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        int found = ReadInt(gz);
        if (found != magic) throw new InvalidDataException($"{path}: IDX magic {found}, expected {magic}");
        int count = ReadInt(gz);
        if (count < n) throw new InvalidDataException($"{path} holds {count} samples, {n} requested");
        rowLength = 1;
        for (int dims = magic & 0xFF; dims > 1; dims--) rowLength *= ReadInt(gz);
        var data = new byte[n * rowLength];
        gz.ReadExactly(data);
        return data;
    }

    private static int ReadInt(Stream s)
    {
        Span<byte> b = stackalloc byte[4];
        s.ReadExactly(b);
        return (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
    }
}
