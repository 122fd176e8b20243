using Goldilocks.Runtime;

namespace Goldilocks.Data;

/// <summary>
/// CIFAR-10 (Krizhevsky 2009) from its binary version: data_batch_1.bin … data_batch_5.bin (train) and test_batch.bin,
/// each a sequence of 3,073-byte records (1 label byte in [0, 10), then 3,072 pixel bytes: 1,024 red, 1,024 green,
/// 1,024 blue, rows of 32). It cannot be downloaded here, so it is read from a folder the user names. Strict: an empty
/// or truncated file, a label out of range or a missing batch raise an exception naming the file and the problem.
/// Images are [N, 3, 32, 32], pixels/255 standardised per pixel over the split; decoded splits are cached per process.
/// </summary>
public static class Cifar10
{
    /// <summary>Record layout: 10 classes, 3 channels of 32 × 32 pixels, 3,072 pixel bytes per image and one label byte before them.</summary>
    public const int Classes = 10, Channels = 3, Size = 32, ImageBytes = Channels * Size * Size, RecordBytes = ImageBytes + 1;

    /// <summary>The five training batch files, data_batch_1.bin … data_batch_5.bin.</summary>
    public static readonly string[] TrainFiles = Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin").ToArray();
    /// <summary>The test batch file.</summary>
    public const string TestFile = "test_batch.bin";

    /// <summary>What to tell a user whose folder lacks the batches (where to download them and which option names the folder).</summary>
    public const string InstallHint =
        "CIFAR-10 was not found. Download the binary version (cifar-10-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar.html), " +
        "extract it and pass --data-dir pointing to the folder with data_batch_1.bin … data_batch_5.bin and test_batch.bin.";

    /// <summary>True when <paramref name="directory"/> holds all five training batches.</summary>
    public static bool IsAvailable(string? directory) =>
        directory is not null && TrainFiles.All(f => File.Exists(Path.Combine(directory, f)));

    /// <summary>The decoded train (all five batches) or test split of <paramref name="directory"/>, from the process-wide cache.</summary>
    public static ImageSplit Split(string directory, bool train = true)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var files = (train ? TrainFiles : new[] { TestFile }).Select(f => Path.Combine(directory, f)).ToArray();
        var missing = files.Where(f => !File.Exists(f)).ToArray();
        if (missing.Length > 0) throw new FileNotFoundException($"{string.Join(", ", missing)} not found. {InstallHint}", missing[0]);
        return SplitCache.GetOrLoad(files, () =>
        {
            var pixels = new List<byte>();
            var labels = new List<byte>();
            foreach (var file in files)
            {
                var (x, y) = ReadBatch(file);
                pixels.AddRange(x);
                labels.AddRange(y);
            }
            return new ImageSplit($"CIFAR-10-{(train ? "train" : "test")}", new[] { Channels, Size, Size }, pixels.ToArray(), labels.ToArray(), Classes);
        });
    }

    /// <summary>Loads the train (or test) split as images [N, 3, 32, 32] or flat vectors [N, 3072], pixels/255
    /// standardised per pixel over the split when <paramref name="standardize"/>; the caller owns the dataset.</summary>
    public static Dataset Load(string directory, bool train = true, bool flatten = false,
        ScalarType dtype = ScalarType.Float64, Device? device = null, bool standardize = true)
    {
        TorchRuntime.EnsureLoaded();
        return Split(directory, train).ToDataset(null, flatten, standardize, dtype, device);
    }

    /// <summary>Pixels [n·3072] and labels [n] of one batch file, validated record by record.</summary>
    public static (byte[] Pixels, byte[] Labels) ReadBatch(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"CIFAR-10 batch not found: {path}. {InstallHint}", path);
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0) throw new InvalidDataException($"{path}: file is empty (expected 3,073-byte CIFAR-10 records)");
        if (bytes.Length % RecordBytes != 0)
            throw new InvalidDataException($"{path}: {bytes.Length} bytes is not a whole number of {RecordBytes}-byte records; the file is truncated or not a CIFAR-10 binary batch");
        int n = bytes.Length / RecordBytes;
        var pixels = new byte[(long)n * ImageBytes];
        var labels = new byte[n];
        for (int i = 0; i < n; i++)
        {
            byte label = bytes[i * RecordBytes];
            if (label >= Classes) throw new InvalidDataException($"{path}: record {i} has label {label}, out of range [0, {Classes})");
            labels[i] = label;
            Array.Copy(bytes, i * RecordBytes + 1, pixels, (long)i * ImageBytes, ImageBytes);
        }
        return (pixels, labels);
    }
}
