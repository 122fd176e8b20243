namespace Goldilocks.Papers.Sagun;

/// <summary>The three outlier counts of Sagun et al. App. A, Table 1 ("gap", "ratio", "heur").</summary>
/// <param name="LargestGap">Outliers by the largest consecutive gap (<see cref="OutlierCount.ByLargestGap"/>).</param>
/// <param name="LargestRatio">Outliers by the largest consecutive ratio.</param>
/// <param name="AboveThreshold">Eigenvalues above the absolute threshold.</param>
public sealed record OutlierCounts(int LargestGap, int LargestRatio, int AboveThreshold);

/// <summary>
/// Counting the large eigenvalues ("outliers") that sit above the bulk of a Hessian spectrum (Sagun et al. Sec. 3.1,
/// App. A). Eigenvalues may come in any order; they are sorted descending, λ₁ ≥ λ₂ ≥ …
/// </summary>
public static class OutlierCount
{
    /// <summary>All three counts; <paramref name="threshold"/> is the absolute cutoff of the threshold rule.</summary>
    public static OutlierCounts Count(IReadOnlyList<double> eigenvalues, double threshold, int? maxOutliers = null, double ratioFloor = 1e-3) =>
        new(ByLargestGap(eigenvalues, maxOutliers), ByLargestRatio(eigenvalues, maxOutliers, ratioFloor), ByThreshold(eigenvalues, threshold));

    /// <summary>The i (1 ≤ i ≤ maxOutliers) maximising the consecutive gap λ_i − λ_{i+1}: the outliers are λ₁..λ_i.</summary>
    public static int ByLargestGap(IReadOnlyList<double> eigenvalues, int? maxOutliers = null)
    {
        var sorted = SortedDescending(eigenvalues);
        int limit = Limit(sorted.Length, maxOutliers);
        int best = 1;
        for (int i = 1; i <= limit; i++)
            if (sorted[i - 1] - sorted[i] > sorted[best - 1] - sorted[best]) best = i;
        return best;
    }

    /// <summary>
    /// The i maximising the consecutive ratio λ_i/λ_{i+1}, over i with λ_{i+1} &gt; ratioFloor·λ₁ (ratios among
    /// eigenvalues at round-off level are meaningless and would otherwise always win). Requires λ₁ &gt; 0.
    /// </summary>
    public static int ByLargestRatio(IReadOnlyList<double> eigenvalues, int? maxOutliers = null, double ratioFloor = 1e-3)
    {
        var sorted = SortedDescending(eigenvalues);
        if (!(sorted[0] > 0)) throw new ArgumentException("the ratio rule needs a positive largest eigenvalue", nameof(eigenvalues));
        if (!(ratioFloor > 0 && ratioFloor < 1)) throw new ArgumentOutOfRangeException(nameof(ratioFloor), ratioFloor, "ratioFloor must be in (0, 1)");
        int limit = Limit(sorted.Length, maxOutliers);
        double floor = ratioFloor * sorted[0];
        int best = 1;
        double bestRatio = double.NegativeInfinity;
        for (int i = 1; i <= limit && sorted[i] > floor; i++)
        {
            double ratio = sorted[i - 1] / sorted[i];
            if (ratio > bestRatio) { bestRatio = ratio; best = i; }
        }
        return best;
    }

    /// <summary>Number of eigenvalues strictly above <paramref name="threshold"/> (Sagun et al.'s "heur" column).</summary>
    public static int ByThreshold(IReadOnlyList<double> eigenvalues, double threshold)
    {
        ArgumentNullException.ThrowIfNull(eigenvalues); // before the threshold: arguments are checked in order
        if (!double.IsFinite(threshold)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be finite");
        return SortedDescending(eigenvalues).Count(l => l > threshold);
    }

    private static double[] SortedDescending(IReadOnlyList<double> eigenvalues)
    {
        ArgumentNullException.ThrowIfNull(eigenvalues);
        if (eigenvalues.Count < 2) throw new ArgumentException("outlier counting needs at least 2 eigenvalues", nameof(eigenvalues));
        if (eigenvalues.Any(l => !double.IsFinite(l))) throw new ArgumentException("eigenvalues must be finite", nameof(eigenvalues));
        return eigenvalues.OrderByDescending(l => l).ToArray();
    }

    private static int Limit(int count, int? maxOutliers)
    {
        if (maxOutliers is not { } m) return count - 1;
        if (m < 1) throw new ArgumentOutOfRangeException(nameof(maxOutliers), m, "maxOutliers must be ≥ 1");
        return Math.Min(count - 1, m);
    }
}
