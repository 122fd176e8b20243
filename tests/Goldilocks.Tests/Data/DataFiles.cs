using System.Buffers.Binary;
using System.IO.Compression;

namespace Goldilocks.Tests.Data;

/// <summary>Writes small IDX and CIFAR-10 files (valid or deliberately broken) into a temporary folder.</summary>
public sealed class DataFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "goldilocks-data", Guid.NewGuid().ToString("N"))).FullName;

    public string In(string name) => System.IO.Path.Combine(Folder, name);

    public static byte[] Idx(byte dims, int[] shape, byte[] body, byte type = 0x08)
    {
        var bytes = new byte[4 + 4 * shape.Length + body.Length];
        bytes[2] = type;
        bytes[3] = dims;
        for (int i = 0; i < shape.Length; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), shape[i]);
        body.CopyTo(bytes, 4 + 4 * shape.Length);
        return bytes;
    }

    /// <summary>A consistent FashionMNIST-like pair: n images of 28×28 and labels i mod 10.</summary>
    public void WriteFashion(int n, bool gzip = false, Func<byte[], byte[]>? mutateLabels = null, int? labelCount = null)
    {
        var pixels = Enumerable.Range(0, n * 784).Select(i => (byte)(i * 7 % 256)).ToArray();
        var labels = Enumerable.Range(0, labelCount ?? n).Select(i => (byte)(i % 10)).ToArray();
        labels = mutateLabels?.Invoke(labels) ?? labels;
        Write("train-images-idx3-ubyte", Idx(3, new[] { n, 28, 28 }, pixels), gzip);
        Write("train-labels-idx1-ubyte", Idx(1, new[] { labels.Length }, labels), gzip);
    }

    public string Write(string name, byte[] bytes, bool gzip = false)
    {
        string path = In(gzip ? name + ".gz" : name);
        if (!gzip) File.WriteAllBytes(path, bytes);
        else
        {
            using var file = File.Create(path);
            using var z = new GZipStream(file, CompressionLevel.Fastest);
            z.Write(bytes);
        }
        return path;
    }

    /// <summary>CIFAR-10 records: label, then 3,072 pixel bytes where pixel (c, r, col) of record i is (i + 3c + r + col) mod 256.</summary>
    public static byte[] CifarRecords(params byte[] labels)
    {
        var bytes = new byte[labels.Length * 3073];
        for (int i = 0; i < labels.Length; i++)
        {
            bytes[i * 3073] = labels[i];
            for (int c = 0; c < 3; c++)
                for (int r = 0; r < 32; r++)
                    for (int col = 0; col < 32; col++)
                        bytes[i * 3073 + 1 + c * 1024 + r * 32 + col] = Pixel(i, c, r, col);
        }
        return bytes;
    }

    public static byte Pixel(int i, int c, int r, int col) => (byte)((i + 3 * c + r + col) % 256);

    public void WriteCifarTrain(Func<int, byte[]>? batch = null)
    {
        for (int b = 1; b <= 5; b++)
            File.WriteAllBytes(In($"data_batch_{b}.bin"), batch?.Invoke(b) ?? CifarRecords((byte)(2 * b - 2), (byte)(2 * b - 1)));
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
