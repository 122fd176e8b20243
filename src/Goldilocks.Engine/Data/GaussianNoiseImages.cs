using Goldilocks.Runtime;

namespace Goldilocks.Data;

/// <summary>
/// Images of i.i.d. standard Gaussian pixels with balanced random labels (paper 000 Fig. 5a, "random images drawn from a
/// standard Gaussian"): N/K labels of each class (N mod K classes get one more) in a seeded random order.
/// </summary>
public static class GaussianNoiseImages
{
    /// <summary>Draws <paramref name="samples"/> images of shape <paramref name="sampleShape"/> with i.i.d. N(0, 1) pixels and balanced random labels over <paramref name="classes"/> classes, seeded by <paramref name="seed"/>.</summary>
    public static Dataset Generate(int samples, long[] sampleShape, int classes, long seed,
        ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        TorchRuntime.EnsureLoaded();
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "samples must be ≥ 1");
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be ≥ 2");
        ArgumentNullException.ThrowIfNull(sampleShape);
        if (sampleShape.Length == 0 || sampleShape.Any(s => s < 1))
            throw new ArgumentException($"sample shape [{string.Join(", ", sampleShape)}] must have positive sizes", nameof(sampleShape));
        using var scope = torch.NewDisposeScope();
        var gen = new torch.Generator((ulong)seed);
        var x = torch.randn(new long[] { samples }.Concat(sampleShape).ToArray(), dtype: ScalarType.Float64, generator: gen);
        var labels = (torch.arange(samples, dtype: ScalarType.Int64) % classes)[torch.randperm(samples, generator: gen)];
        var target = device ?? torch.CPU;
        return new Dataset(x.to(dtype).to(target).MoveToOuterDisposeScope(), labels.to(target).MoveToOuterDisposeScope(), classes,
            $"gaussian-noise(N={samples}, shape=[{string.Join("x", sampleShape)}], K={classes}, seed={seed})");
    }
}
