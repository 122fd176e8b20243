
namespace Goldilocks.Papers.Sagun;

/// <summary>
/// Spiked population covariance Σ = I + Σ_i ℓ_i e_i e_iᵀ (Sagun et al. App. B, after Baik, Ben Arous &amp; Péché) and
/// the BBP transition of the top sample-covariance eigenvalue for P/N → a: a spike ℓ &gt; √a pops out of the
/// Marčenko-Pastur bulk to (1 + ℓ)(1 + a/ℓ); a spike ℓ ≤ √a sticks to the edge (1 + √a)².
/// </summary>
public static class SpikedCovariance
{
    /// <summary>The critical spike strength √a.</summary>
    public static double BbpThreshold(double ratio) => Math.Sqrt(Guard.PositiveFinite(ratio, nameof(ratio)));

    /// <summary>Limit of the sample eigenvalue belonging to a spike ℓ ≥ 0 at aspect ratio a = P/N.</summary>
    public static double TopEigenvalueLimit(double spike, double ratio)
    {
        Guard.PositiveFinite(ratio, nameof(ratio));
        Guard.NonNegativeFinite(spike, nameof(spike));
        return spike > BbpThreshold(ratio) ? (1 + spike) * (1 + ratio / spike) : Math.Pow(1 + Math.Sqrt(ratio), 2);
    }

    /// <summary>Samples X [N, P] with rows ~ N(0, Σ), Σ = I + Σ_i spikes[i] e_i e_iᵀ (spikes on the first coordinates).</summary>
    public static Tensor Sample(int samples, int dimension, IReadOnlyList<double> spikes, long seed, Device? device = null)
    {
        TorchRuntime.EnsureLoaded();
        ArgumentNullException.ThrowIfNull(spikes);
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "N must be ≥ 1");
        if (dimension < spikes.Count || dimension < 1)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"P must be ≥ max(1, number of spikes = {spikes.Count})");
        if (spikes.Any(s => !(s >= 0) || !double.IsFinite(s))) throw new ArgumentOutOfRangeException(nameof(spikes), "spikes must be finite and ≥ 0");
        using var scope = torch.NewDisposeScope();
        var scale = torch.ones(dimension, dtype: ScalarType.Float64);
        for (int i = 0; i < spikes.Count; i++) scale[i] = Math.Sqrt(1 + spikes[i]);
        var z = torch.randn(new long[] { samples, dimension }, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)seed));
        return (z * scale.unsqueeze(0)).to(device ?? torch.CPU).MoveToOuterDisposeScope();
    }
}
