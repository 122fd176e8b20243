using static Goldilocks.Papers.Common.CheckList;

namespace Goldilocks.Papers.Sagun;

/// <summary>The criteria of Sagun et al.'s claims (S4, S5, S6), one per claim test, on the records the tests compute;
/// the margins and their calibration are in the specs named by <see cref="Statements"/>.</summary>
public static class SagunVerdicts
{
    /// <summary>The verdict table's text of each claim.</summary>
    public static IReadOnlyDictionary<string, ClaimStatement> Statements { get; } = new[]
    {
        new ClaimStatement("S4", "The Hessian spectrum is a bulk near zero plus a few outliers, at initialization and after training (Sec. 3.1, Fig. 1-2)", null, "specs/S4-bulk-and-outliers.md", true),
        new ClaimStatement("S5", "The number of outliers ≈ the number of classes K for ReLU nets (Sec. 3.1, Fig. 3)", "K outliers", "specs/S5-outliers-equal-classes.md", true),
        new ClaimStatement("S6", "Growing width with fixed data keeps the top eigenvalues and their count; negative eigenvalues stay tiny (Sec. 3.2, Fig. 4-6)", null, "specs/S6-width-scaling.md", true),
    }.ToDictionary(s => s.Claim);

    /// <summary>The paper's own form of S6's count statement (not the test's weaker statement): the outlier count is the
    /// same at both widths.</summary>
    public static ClaimStatement S6CountStatement { get; } = new("S6", "Growing width keeps the number of outliers (Sec. 3.2, Fig. 4-6)", null, "specs/S6-width-scaling.md", false);




    /// <summary>Share of the eigenvalues with |λ| &lt; 1e-3·max|λ|.</summary>
    public static double NearZeroFraction(IReadOnlyList<double> eigenvalues)
    {
        ArgumentNullException.ThrowIfNull(eigenvalues);
        double top = eigenvalues.Max(Math.Abs);
        return eigenvalues.Count(l => Math.Abs(l) < S4Constants.NearZeroRelative * top) / (double)eigenvalues.Count;
    }

    /// <summary>λ_K/λ_(K+1) of the eigenvalues sorted descending.</summary>
    public static double KthRatio(IReadOnlyList<double> eigenvalues, int k)
    {
        ArgumentNullException.ThrowIfNull(eigenvalues);
        var d = eigenvalues.OrderByDescending(x => x).ToArray();
        return d[k - 1] / d[k];
    }

    internal static double? MinZeroFraction(int classes) => classes switch { 2 => S4Constants.MinZeroFractionK2, 5 => S4Constants.MinZeroFractionK5, _ => null };

    /// <summary>S4 (SagunStatisticalTests.S4_S5_trained_ReLU_nets_have_a_bulk_near_zero_and_a_break_after_K_eigenvalues):
    /// the median over a seed window of the trained spectra's near-zero fraction exceeds the margin of K (calibrated at K = 2 and 5 only).</summary>
    public static ClaimEvaluation S4(int classes, IReadOnlyList<IReadOnlyList<double>> trainedSpectra)
    {
        ArgumentNullException.ThrowIfNull(trainedSpectra);
        if (MinZeroFraction(classes) is not { } minZero)
            return ClaimEvaluation.Inapplicable("S4", $"the margin is calibrated for trained ReLU nets at K = 2 and K = 5, not K = {classes}");
        double zeroFraction = Statistics.WindowMedian(trainedSpectra.Select(NearZeroFraction));
        return new CheckList("S4")
            .Measure($"K = {classes}: median near-zero fraction {zeroFraction:P1} over {trainedSpectra.Count} trained nets")
            .That(zeroFraction > minZero, $"trained ReLU nets, K = {classes}: median over {trainedSpectra.Count} seeds of the near-zero fraction is {zeroFraction:P1} (need > {minZero:P0})")
            .Done();
    }

    internal static double? MinKthRatio(int classes) => classes switch { 2 => S5Constants.MinKthRatioK2, 5 => S5Constants.MinKthRatioK5, _ => null };

    /// <summary>S5 (same test): the median over a seed window of the trained spectra's λ_K/λ_(K+1) exceeds the margin of K
    /// (<see cref="S5Constants.MinKthRatioK2"/>, <see cref="S5Constants.MinKthRatioK5"/>; calibrated on trained ReLU nets
    /// at K = 2 and 5 against the random-label null).</summary>
    public static ClaimEvaluation S5(int classes, IReadOnlyList<IReadOnlyList<double>> trainedSpectra)
    {
        ArgumentNullException.ThrowIfNull(trainedSpectra);
        if (MinKthRatio(classes) is not { } minRatio)
            return ClaimEvaluation.Inapplicable("S5", $"the margin is calibrated for trained ReLU nets at K = 2 and K = 5, not K = {classes}");
        double kthRatio = Statistics.WindowMedian(trainedSpectra.Select(s => KthRatio(s, classes)));
        return new CheckList("S5")
            .Measure($"K = {classes}: median λ_K/λ_(K+1) = {kthRatio:F3} over {trainedSpectra.Count} trained nets")
            .That(kthRatio > minRatio, $"trained ReLU nets, K = {classes}: median λ_K/λ_(K+1) over {trainedSpectra.Count} seeds is {kthRatio:F3} ≤ {minRatio}: no break after the K-th eigenvalue")
            .Done();
    }

    /// <summary>S6 (SagunStatisticalTests.S6_wider_nets_keep_the_top_eigenvalue_and_negative_eigenvalues_stay_small), the
    /// weaker statement: over a seed window the median λ₁(wide)/λ₁(narrow) lies in (1/2, 2) and every |min(λ_min, 0)|/λ_max &lt; 0.1.</summary>
    public static ClaimEvaluation S6(IReadOnlyList<(HessianExtremes Narrow, HessianExtremes Wide)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        double ratio = Statistics.WindowMedian(rows.Select(r => r.Wide.Top[0] / r.Narrow.Top[0]));
        double negative = rows.SelectMany(r => new[] { r.Narrow, r.Wide }).Max(r => Math.Abs(Math.Min(r.Bottom, 0)) / r.Top[0]);
        return new CheckList("S6")
            .Measure($"median λ₁(wide)/λ₁(narrow) = {ratio:F3} over {rows.Count} seeds; largest |λ_min|/λ_max = {negative:F4}")
            .That(ratio > 1 / S6Constants.MaxTopRatio && ratio < S6Constants.MaxTopRatio, $"median over {rows.Count} seeds of λ1(width 32)/λ1(width 8) = {ratio:F3}: λ1 changes by more than a factor {S6Constants.MaxTopRatio} while P grows 4x")
            .That(negative < S6Constants.MaxNegative, $"largest |λmin|/λmax over widths 8, 32 and {rows.Count} seeds = {negative:F4} (≥ {S6Constants.MaxNegative})")
            .Done();
    }

    /// <summary>S6 in the paper's form for the count (spec S6 Findings: not reproduced per seed, so no claim test asserts
    /// it): on every seed the largest-gap outlier count of the top eigenvalues (plus 0, as the calibration counts) is the
    /// same at both widths.</summary>
    public static ClaimEvaluation S6OutlierCount(IReadOnlyList<(HessianExtremes Narrow, HessianExtremes Wide)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int Count(HessianExtremes e) => OutlierCount.ByLargestGap(e.Top.Append(0).ToArray());
        var counts = rows.Select(r => (Narrow: Count(r.Narrow), Wide: Count(r.Wide))).ToArray();
        var checks = new CheckList("S6").Measure($"largest-gap outlier counts (narrow, wide) per seed: {string.Join(" ", counts.Select(c => $"({c.Narrow}, {c.Wide})"))}");
        for (int i = 0; i < counts.Length; i++)
            checks.That(counts[i].Narrow == counts[i].Wide, $"seed {i} of the window: {counts[i].Narrow} outlier(s) at the narrow width, {counts[i].Wide} at the wide one");
        return checks.Done();
    }
}
