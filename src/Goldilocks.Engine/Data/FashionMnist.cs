using Goldilocks.Runtime;

namespace Goldilocks.Data;

/// <summary>
/// FashionMNIST (Xiao et al. 2017) from IDX files, gzip or not: Debian's <c>dataset-fashion-mnist</c> installs them in
/// <see cref="DefaultDirectory"/>. Pixels are scaled to [0, 1] and then standardised per pixel with the statistics of
/// the whole split (paper 000 Sec. 2 assumes standardised, bounded inputs). Decoded splits are cached per process.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where Debian's dataset-fashion-mnist package installs the IDX files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";
    /// <summary>Number of classes (10 garment types).</summary>
    public const int Classes = 10;

    /// <summary>What to tell a user without the files (the package to install, or the option that names a folder).</summary>
    public const string InstallHint =
        "FashionMNIST was not found. Install it with `sudo apt-get install dataset-fashion-mnist` (files in " +
        DefaultDirectory + ") or pass --data-dir pointing to a folder with train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz].";

    /// <summary>True when <paramref name="directory"/> (default <see cref="DefaultDirectory"/>) holds the training images.</summary>
    public static bool IsAvailable(string? directory = null) => FindFile(directory ?? DefaultDirectory, "train-images-idx3-ubyte") is not null;

    /// <summary>The decoded train (or t10k test) split, from the process-wide cache.</summary>
    public static ImageSplit Split(string? directory = null, bool train = true)
    {
        directory ??= DefaultDirectory;
        string prefix = train ? "train" : "t10k";
        string images = FindFile(directory, $"{prefix}-images-idx3-ubyte") ?? throw new FileNotFoundException(InstallHint);
        string labels = FindFile(directory, $"{prefix}-labels-idx1-ubyte") ?? throw new FileNotFoundException(InstallHint);
        return SplitCache.GetOrLoad(new[] { images, labels }, () =>
        {
            var x = IdxFile.Read(images, 3);
            var y = IdxFile.Read(labels, 1);
            if (x.Shape[0] != y.Shape[0])
                throw new InvalidDataException($"{images} has {x.Shape[0]} images but {labels} has {y.Shape[0]} labels");
            int bad = Array.FindIndex(y.Data, l => l >= Classes);
            if (bad >= 0) throw new InvalidDataException($"{labels}: label {y.Data[bad]} at index {bad} is out of range [0, {Classes})");
            return new ImageSplit($"FashionMNIST-{prefix}", new[] { 1, x.Shape[1], x.Shape[2] }, x.Data, y.Data, Classes);
        });
    }

    /// <summary>Loads the train (or test) split as images [N, 1, 28, 28] or flat vectors [N, 784].</summary>
    public static Dataset Load(string? directory = null, bool train = true, bool flatten = false,
        ScalarType dtype = ScalarType.Float64, Device? device = null, bool standardize = true)
    {
        TorchRuntime.EnsureLoaded();
        return Split(directory, train).ToDataset(null, flatten, standardize, dtype, device);
    }

    /// <summary>A class-balanced subset (<see cref="Subsets.Balanced"/>), converting only the chosen images.</summary>
    public static Dataset LoadBalanced(int perClass, long seed, string? directory = null, bool train = true, bool flatten = false,
        ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        TorchRuntime.EnsureLoaded();
        var split = Split(directory, train);
        var indices = Subsets.BalancedIndices(split.Labels, split.Classes, perClass, seed, split.Name);
        return split.ToDataset(indices, flatten, true, dtype, device, $"{split.Name}[balanced {perClass}/class, seed {seed}]");
    }

    private static string? FindFile(string directory, string stem) =>
        new[] { stem, stem + ".gz" }.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);
}
