using Goldilocks.Runtime;

namespace Goldilocks.Data;

/// <summary>
/// FashionMNIST (Xiao et al. 2017) from IDX files, gzip or not: Debian's <c>dataset-fashion-mnist</c> installs them in
/// <see cref="DefaultDirectory"/>. Pixels are scaled to [0, 1] and then standardised per pixel over the loaded set
/// (paper 000 Sec. 2 assumes standardised, bounded inputs).
/// </summary>
public static class FashionMnist
{
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";
    public const int Classes = 10;

    public const string InstallHint =
        "FashionMNIST was not found. Install it with `sudo apt-get install dataset-fashion-mnist` (files in " +
        DefaultDirectory + ") or pass --data-dir pointing to a folder with train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz].";

    public static bool IsAvailable(string? directory = null) => FindFile(directory ?? DefaultDirectory, "train-images-idx3-ubyte") is not null;

    /// <summary>Loads the train (or test) split as images [N, 1, 28, 28] or flat vectors [N, 784].</summary>
    public static Dataset Load(string? directory = null, bool train = true, bool flatten = false,
        ScalarType dtype = ScalarType.Float64, Device? device = null, bool standardize = true)
    {
        TorchRuntime.EnsureLoaded();
        directory ??= DefaultDirectory;
        string prefix = train ? "train" : "t10k";
        string images = FindFile(directory, $"{prefix}-images-idx3-ubyte") ?? throw new FileNotFoundException(InstallHint);
        string labels = FindFile(directory, $"{prefix}-labels-idx1-ubyte") ?? throw new FileNotFoundException(InstallHint);
        var x = IdxFile.Read(images, 3);
        var y = IdxFile.Read(labels, 1);
        if (x.Shape[0] != y.Shape[0])
            throw new InvalidDataException($"{images} has {x.Shape[0]} images but {labels} has {y.Shape[0]} labels");
        int bad = Array.FindIndex(y.Data, l => l >= Classes);
        if (bad >= 0) throw new InvalidDataException($"{labels}: label {y.Data[bad]} at index {bad} is out of range [0, {Classes})");

        using var scope = torch.NewDisposeScope();
        var pixels = torch.tensor(x.Data, dtype: ScalarType.Byte).to(ScalarType.Float64).view(x.Shape[0], 1, x.Shape[1], x.Shape[2]) / 255.0;
        if (standardize) pixels = SyntheticClusters.Standardize(pixels);
        if (flatten) pixels = pixels.flatten(1);
        var target = device ?? torch.CPU;
        var lab = torch.tensor(y.Data, dtype: ScalarType.Byte).to(ScalarType.Int64).to(target);
        return new Dataset(pixels.to(dtype).to(target).MoveToOuterDisposeScope(), lab.MoveToOuterDisposeScope(), Classes,
            $"FashionMNIST-{prefix}");
    }

    private static string? FindFile(string directory, string stem) =>
        new[] { stem, stem + ".gz" }.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);
}
