using Goldilocks.Runtime;

namespace Goldilocks.Data;

/// <summary>
/// The embedded default dataset: K Gaussian class clusters in R^D, balanced, standardised per feature.
/// Class means are drawn N(0, separation²/D · I) so that clusters overlap partially; seeded and device-generic.
/// </summary>
public static class SyntheticClusters
{
    /// <summary>Draws <paramref name="samples"/> points in R^<paramref name="features"/> from <paramref name="classes"/> Gaussian clusters, seeded by <paramref name="seed"/>, with cluster means of spread <paramref name="separation"/>/√D.</summary>
    public static Dataset Generate(int samples, int features, int classes, long seed,
        double separation = 3.0, ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        TorchRuntime.EnsureLoaded();
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "samples must be ≥ 1");
        if (features < 1) throw new ArgumentOutOfRangeException(nameof(features), features, "features must be ≥ 1");
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be ≥ 2");
        Guard.PositiveFinite(separation, nameof(separation));
        using var scope = torch.NewDisposeScope();
        var gen = new torch.Generator((ulong)seed);
        var means = torch.randn(new long[] { classes, features }, dtype: ScalarType.Float64, generator: gen) * separation;
        var labels = torch.arange(samples, dtype: ScalarType.Int64) % classes;
        var perm = torch.randperm(samples, generator: gen);
        labels = labels[perm];
        var x = means[labels] + torch.randn(new long[] { samples, features }, dtype: ScalarType.Float64, generator: gen);
        x = Standardize(x);
        var target = device ?? torch.CPU;
        return new Dataset(x.to(dtype).to(target).MoveToOuterDisposeScope(), labels.to(target).MoveToOuterDisposeScope(), classes,
            $"synthetic-clusters(N={samples}, D={features}, K={classes}, seed={seed})");
    }

    /// <summary>Zero mean, unit variance per feature (features with zero variance are only centred).</summary>
    public static Tensor Standardize(Tensor x)
    {
        var flat = x.flatten(1);
        var mean = flat.mean(new long[] { 0 }, keepdim: true);
        var std = flat.std(0, keepdim: true);
        std = torch.where(std > 0, std, torch.ones_like(std));
        return ((flat - mean) / std).view(x.shape);
    }
}
