
namespace Goldilocks.Tests.Claims.Sagun;

/// <summary>
/// Statistical claims of Sagun et al. (S4-S7) at laptop scale: Sagun's App. A setting shrunk to a bias-free MLP 10-10-K,
/// 200 samples of K Gaussian clusters, 300 full-batch GD steps. Margins from <see cref="SagunCalibration"/> (seeds 0..19).
/// </summary>
[Category(Categories.Statistical)]
public sealed class SagunStatisticalTests
{
    private static double NearZeroFraction(IReadOnlyList<double> eig) => SagunVerdicts.NearZeroFraction(eig);

    private static double KthRatio(IReadOnlyList<double> eig, int k) => SagunVerdicts.KthRatio(eig, k);

    private static string Top(IReadOnlyList<double> eig, int n) => string.Join(", ", eig.OrderByDescending(x => x).Take(n).Select(x => x.ToString("G3")));

    /// <summary>
    /// S4 and S5 on the medians over a window of <see cref="S4Constants.SpectrumWindow"/> seeds (data, init and training): one
    /// trained net's λ_K/λ_(K+1) at K = 5 fell below 1.2 on 4 of 50 seed offsets (1.06, 1.15, …: the break then sits
    /// after K + 1, as in Sagun's own Table 1), so a single net is too noisy for a 49/50 gate; the median of 5 fails
    /// only when 3 of 5 do (binomial: ≈ 0.5% per run).
    /// </summary>
    [Test]
    [Claim("S4")]
    [Claim("S5")]
    public void S4_S5_trained_ReLU_nets_have_a_bulk_near_zero_and_a_break_after_K_eigenvalues([Values(2, 5)] int classes)
    {
        var spectra = SeedWindow.Of(S4Constants.SpectrumWindow, first: 10L * classes)
            .Select(seed => TrainedSpectra.Run(seed, classes, Activation.ReLU)).ToArray();
        foreach (var (_, trained, accuracy) in spectra)
            TestContext.Out.WriteLine($"K = {classes}, P = {trained.Count}, train accuracy {accuracy:P0}: |λ| < 1e-3 λmax: {NearZeroFraction(trained):P1}; top: {Top(trained, classes + 3)}; ratio count {OutlierCount.ByLargestRatio(trained, 3 * classes)}; λ_K/λ_(K+1) = {KthRatio(trained, classes):F3}");
        var trainedSpectra = spectra.Select(r => r.Trained).ToArray();
        ClaimAssert.Holds(SagunVerdicts.S4(classes, trainedSpectra));
        ClaimAssert.Holds(SagunVerdicts.S5(classes, trainedSpectra));
    }

    [Test]
    [Claim("S5")]
    [Category(Categories.NegativeControl)]
    public void S5_tanh_contrast_no_break_after_the_K_th_eigenvalue()
    {
        const int classes = 5;
        var trained = TrainedSpectra.Run(SeedFor(classes), classes, Activation.Tanh).Trained;
        int ratio = OutlierCount.ByLargestRatio(trained, 3 * classes);
        double kthRatio = KthRatio(trained, classes);
        TestContext.Out.WriteLine($"tanh, K = {classes}: top {Top(trained, classes + 3)}; ratio count {ratio}; λ_K/λ_(K+1) = {kthRatio:F3}");
        ClaimAssert.That("S5", kthRatio < S5Constants.MaxTanhKthRatio, $"tanh, K = {classes}: λ_K/λ_(K+1) = {kthRatio:F3} shows a break after K as for ReLU; MaxTanhKthRatio = {S5Constants.MaxTanhKthRatio}");
    }

    [Test]
    [Claim("S6")]
    [Category(Categories.Slow)]
    public void S6_wider_nets_keep_the_top_eigenvalue_and_negative_eigenvalues_stay_small()
    {
        var rows = SeedWindow.Of(S6Constants.Window).Select(s => (Seed: s, Narrow: HessianExtremes.AfterTraining(s, 8), Wide: HessianExtremes.AfterTraining(s, 32))).ToList();
        foreach (var (seed, narrow, wide) in rows)
            TestContext.Out.WriteLine($"seed {seed}: width 8 top {Top(narrow.Top, 5)}, λmin {narrow.Bottom:G3} | width 32 top {Top(wide.Top, 5)}, λmin {wide.Bottom:G3}");
        ClaimAssert.Holds(SagunVerdicts.S6(rows.Select(r => (r.Narrow, r.Wide)).ToArray()));
    }

    [Test]
    [Claim("S7")]
    public void S7_large_batch_finds_larger_top_eigenvalues_and_no_barrier_separates_it_from_small_batch()
    {
        var rows = SeedWindow.Of(S7Constants.Window).Select(s => BatchSizeComparison.Run(s, separation: S7Constants.Separation)).ToList();
        foreach (var (large, small, path) in rows)
            TestContext.Out.WriteLine($"top large batch {Top(large, 5)} | small batch {Top(small, 5)} | barrier {path.Barrier:E3}");
        double ratio = SeedWindow.Median(rows.Select(r => r.LargeTop[0] / r.SmallTop[0]));
        ClaimAssert.That("S7", ratio > S7Constants.MinTopRatio, $"median over {rows.Count} seeds of λ1(large batch)/λ1(small batch) = {ratio:F3} (≤ {S7Constants.MinTopRatio})");
        double barrier = rows.Max(r => r.Path.Barrier);
        ClaimAssert.That("S7", barrier < S7Constants.MaxBarrier, $"largest loss above the chord between the two solutions over {rows.Count} seeds = {barrier:E3} (≥ {S7Constants.MaxBarrier})");
    }

    private static long SeedFor(int classes) => SeedOffset.Apply((long)classes);   // fixed seeds (shifted by GOLDILOCKS_SEED_OFFSET in a seed sweep); the calibration covers seeds 0..19
}
