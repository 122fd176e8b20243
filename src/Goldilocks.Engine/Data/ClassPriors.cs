using Goldilocks.Runtime;

namespace Goldilocks.Data;

/// <summary>Class priors Q ∈ Δ_K (paper 000 Sec. 4, Fig. 5): sampling, the long-tailed profile of Cui et al. (2019), counts.</summary>
public static class ClassPriors
{
    /// <summary>Q drawn uniformly from the probability simplex Δ_K (Dirichlet(1, …, 1): normalised Exp(1) draws), as Fig. 5b.</summary>
    public static double[] UniformSimplex(int classes, long seed)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "a prior needs K ≥ 2 classes");
        TorchRuntime.EnsureLoaded();
        using var scope = torch.NewDisposeScope();
        var gen = new torch.Generator((ulong)seed);
        // 1 - U ∈ (0, 1] avoids log(0).
        var e = -torch.log(1 - torch.rand(new long[] { classes }, dtype: ScalarType.Float64, generator: gen));
        return (e / e.sum()).data<double>().ToArray();
    }

    /// <summary>
    /// Cui et al. (2019) Sec. 5 long-tailed profile: n_k = n_max·μ^k with μ = ρ^{-1/(K-1)} for imbalance factor
    /// ρ = n_max/n_min ≥ 1, normalised to a prior (ρ = 1 is uniform).
    /// </summary>
    public static double[] LongTailed(int classes, double imbalanceFactor)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "a prior needs K ≥ 2 classes");
        if (!double.IsFinite(imbalanceFactor) || imbalanceFactor < 1)
            throw new ArgumentOutOfRangeException(nameof(imbalanceFactor), imbalanceFactor, "imbalance factor ρ = n_max/n_min must be finite and ≥ 1");
        var w = Enumerable.Range(0, classes).Select(k => Math.Pow(imbalanceFactor, -k / (double)(classes - 1))).ToArray();
        double total = w.Sum();
        return w.Select(x => x / total).ToArray();
    }

    /// <summary>Integer class counts summing to <paramref name="size"/> closest to size·Q (largest-remainder rounding).</summary>
    public static int[] Counts(IReadOnlyList<double> prior, int classes, int size)
    {
        Validate(prior, classes);
        var exact = prior.Select(q => q * size).ToArray();
        var counts = exact.Select(x => (int)Math.Floor(x)).ToArray();
        int left = size - counts.Sum();
        foreach (int k in Enumerable.Range(0, classes).OrderByDescending(k => exact[k] - counts[k]).ThenBy(k => k).Take(left))
            counts[k]++;
        return counts;
    }

    /// <summary>Throws unless <paramref name="prior"/> has one finite, non-negative entry per class and sums to 1 (to 1e-9).</summary>
    public static void Validate(IReadOnlyList<double> prior, int classes)
    {
        ArgumentNullException.ThrowIfNull(prior);
        if (prior.Count != classes) throw new ArgumentException($"prior has {prior.Count} entries for {classes} classes", nameof(prior));
        if (prior.Any(q => !double.IsFinite(q) || q < 0)) throw new ArgumentException("prior entries must be finite and ≥ 0", nameof(prior));
        if (Math.Abs(prior.Sum() - 1) > 1e-9) throw new ArgumentException($"prior must sum to 1, sums to {prior.Sum():R}", nameof(prior));
    }
}
