namespace Goldilocks.Data;

/// <summary>Which data a command runs on.</summary>
public enum DatasetKind
{
    /// <summary>Built-in Gaussian class clusters (<see cref="SyntheticClusters"/>): the embedded default, no files needed.</summary>
    Synthetic,

    /// <summary>FashionMNIST train split, a class-balanced subset of the requested size.</summary>
    FashionMnist,
}

/// <summary>
/// A dataset request as commands state it: kind, size, shape (flat vectors or images), seed. <see cref="Load"/> returns a
/// new dataset the caller owns, with class-balanced labels.
/// </summary>
public sealed record DatasetRequest(DatasetKind Kind, int Samples, long Seed, bool Images = false,
    int Features = 20, int Classes = 10, string? DataDirectory = null)
{
    public Dataset Load(ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        if (Samples < 1) throw new ArgumentOutOfRangeException(nameof(Samples), Samples, "samples must be ≥ 1");
        switch (Kind)
        {
            case DatasetKind.Synthetic:
                if (!Images) return SyntheticClusters.Generate(Samples, Features, Classes, Seed, dtype: dtype, device: device);
                using (var flat = SyntheticClusters.Generate(Samples, 28 * 28, Classes, Seed, dtype: dtype, device: device))
                    return new Dataset(flat.Inputs.view(Samples, 1, 28, 28).clone(), flat.Targets.clone(), Classes, flat.Name + " as 1×28×28");
            case DatasetKind.FashionMnist:
                if (Samples % FashionMnist.Classes != 0)
                    throw new ArgumentException($"FashionMNIST subsets are class-balanced: samples must be a multiple of {FashionMnist.Classes}, got {Samples}", nameof(Samples));
                using (var all = FashionMnist.Load(DataDirectory, flatten: !Images, dtype: dtype, device: device))
                    return Subsets.Balanced(all, Samples / FashionMnist.Classes, Seed);
            default:
                throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown dataset kind");
        }
    }
}
