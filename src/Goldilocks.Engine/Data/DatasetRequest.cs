namespace Goldilocks.Data;

/// <summary>Which data a command runs on.</summary>
public enum DatasetKind
{
    /// <summary>Built-in Gaussian class clusters (<see cref="SyntheticClusters"/>): the embedded default, no files needed.</summary>
    Synthetic,

    /// <summary>FashionMNIST train split (1×28×28).</summary>
    FashionMnist,

    /// <summary>CIFAR-10 train split (3×32×32) from a folder of binary batches.</summary>
    Cifar10,

    /// <summary>Standard Gaussian 1×28×28 images with balanced random labels (<see cref="GaussianNoiseImages"/>).</summary>
    GaussianNoise,
}

/// <summary>
/// A dataset request as commands state it: kind, size, shape (flat vectors or images), seed, and optionally a class prior
/// Q for an imbalanced subset (paper 000 Fig. 5; otherwise class-balanced). <see cref="Load"/> returns a new dataset the
/// caller owns. Real images are standardised with their whole split's per-pixel statistics.
/// </summary>
/// <param name="Kind">Which data.</param>
/// <param name="Samples">Number of samples N (≥ 1).</param>
/// <param name="Seed">Seed of the subset (or of the synthetic draw).</param>
/// <param name="Images">Samples as images [C, H, W] instead of flat vectors (synthetic clusters become 1×28×28).</param>
/// <param name="Features">Features D of synthetic clusters.</param>
/// <param name="Classes">Number of classes K (must match the real data set).</param>
/// <param name="DataDirectory">Folder of the real data files (FashionMNIST default: the Debian package's folder).</param>
/// <param name="Prior">Class prior Q of an imbalanced subset; null for class-balanced.</param>
public sealed record DatasetRequest(DatasetKind Kind, int Samples, long Seed, bool Images = false,
    int Features = 20, int Classes = 10, string? DataDirectory = null, IReadOnlyList<double>? Prior = null)
{
    /// <summary>Builds the requested dataset in <paramref name="dtype"/> on <paramref name="device"/> (CPU by default); the caller owns it.</summary>
    public Dataset Load(ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        if (Samples < 1) throw new ArgumentOutOfRangeException(nameof(Samples), Samples, "samples must be ≥ 1");
        if (Prior is not null) ClassPriors.Validate(Prior, Classes);
        return Kind switch
        {
            DatasetKind.Synthetic => Synthetic(dtype, device),
            DatasetKind.FashionMnist => FromSplit(FashionMnist.Split(DataDirectory), dtype, device),
            DatasetKind.Cifar10 => FromSplit(Cifar10.Split(DataDirectory ?? throw new FileNotFoundException(Cifar10.InstallHint)), dtype, device),
            DatasetKind.GaussianNoise when Prior is null =>
                GaussianNoiseImages.Generate(Samples, Images ? new long[] { 1, 28, 28 } : new long[] { 28 * 28 }, Classes, Seed, dtype, device),
            DatasetKind.GaussianNoise => throw new ArgumentException("Gaussian-noise images have balanced random labels; a prior Q does not apply", nameof(Prior)),
            _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown dataset kind"),
        };
    }

    private Dataset Synthetic(ScalarType dtype, Device? device)
    {
        // With a prior, draw from a pool holding Samples of every class, then subsample to Q.
        int pool = Prior is null ? Samples : Samples * Classes;
        var flat = SyntheticClusters.Generate(pool, Images ? 28 * 28 : Features, Classes, Seed, dtype: dtype, device: device);
        if (Prior is not null)
        {
            using var all = flat;
            flat = Subsets.WithPrior(all, Prior, Samples, Seed);
        }
        if (!Images) return flat;
        using (flat)
            return new Dataset(flat.Inputs.view(Samples, 1, 28, 28).clone(), flat.Targets.clone(), Classes, flat.Name + " as 1×28×28");
    }

    private Dataset FromSplit(ImageSplit split, ScalarType dtype, Device? device)
    {
        if (split.Classes != Classes) throw new ArgumentException($"{split.Name} has {split.Classes} classes, the request {Classes}");
        var labels = split.Labels.Select(l => (long)l).ToArray();
        long[] indices;
        string name;
        if (Prior is null)
        {
            if (Samples % Classes != 0)
                throw new ArgumentException($"{split.Name} subsets are class-balanced: samples must be a multiple of {Classes}, got {Samples}", nameof(Samples));
            indices = Subsets.BalancedIndices(labels, Classes, Samples / Classes, Seed, split.Name);
            name = $"{split.Name}[balanced {Samples / Classes}/class, seed {Seed}]";
        }
        else
        {
            indices = Subsets.PriorIndices(labels, Classes, Prior, Samples, Seed, split.Name);
            name = $"{split.Name}[prior Q, {Samples} samples, seed {Seed}]";
        }
        return split.ToDataset(indices, flatten: !Images, standardize: true, dtype, device, name);
    }
}
