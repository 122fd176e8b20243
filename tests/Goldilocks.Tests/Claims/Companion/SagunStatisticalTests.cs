
namespace Goldilocks.Tests.Claims.Companion;

/// <summary>
/// Statistical claims of Sagun et al. (S4-S7) at laptop scale: Sagun's App. A setting shrunk to input 10, two hidden
/// layers of 8, 200 samples of K Gaussian clusters. Margins from <see cref="CompanionCalibration"/> (seeds 0..19).
/// </summary>
[Category(Categories.Statistical)]
public sealed class SagunStatisticalTests
{
    private static double NearZeroFraction(double[] eig) { double top = eig.Max(Math.Abs); return eig.Count(l => Math.Abs(l) < 1e-3 * top) / (double)eig.Length; }

    private static string Top(double[] eig, int n) => string.Join(", ", eig.OrderByDescending(x => x).Take(n).Select(x => x.ToString("G3")));

    [Test]
    [Claim("S4")]
    [Claim("S5")]
    [Explicit("Did not reproduce at init at this scale (46.3% of |λ| < 1e-3 λmax, gap count 1 for K = 5): see specs/S4, S5")]
    public void S4_S5_ReLU_spectrum_is_a_bulk_near_zero_plus_about_K_outliers()
    {
        const int classes = 5;
        var (init, trained, accuracy) = CompanionExperiments.SagunSpectra(SeedOffset.Apply(0L), classes, Activation.ReLU);
        foreach (var (name, eig) in new[] { ("init", init), ("trained", trained) })
        {
            int gap = OutlierCount.ByLargestGap(eig, 3 * classes), ratio = OutlierCount.ByLargestRatio(eig, 3 * classes);
            double zeroFraction = NearZeroFraction(eig);
            TestContext.Out.WriteLine($"{name}: P = {eig.Length}, |λ| < 1e-3 λmax: {zeroFraction:P1}; top: {Top(eig, 8)}; gap count {gap}, ratio count {ratio}");
            ClaimAssert.That("S4", zeroFraction > S4MinZeroFraction, $"{name}: only {zeroFraction:P1} of the eigenvalues are near zero");
            if (name == "trained")
                ClaimAssert.That("S5", Math.Abs(gap - classes) <= S5Tolerance, $"trained ReLU net: gap count {gap}, expected K = {classes} ± {S5Tolerance}");
        }
        TestContext.Out.WriteLine($"train accuracy {accuracy:P1}");
    }

    [Test]
    [Claim("S5")]
    [Category(Categories.NegativeControl)]
    [Category(Categories.Slow)]
    public void S5_tanh_contrast_the_outlier_count_does_not_track_K()
    {
        var counts = new[] { 2, 5, 10 }.Select(k => OutlierCount.ByLargestGap(CompanionExperiments.SagunSpectra(SeedOffset.Apply(0L), k, Activation.Tanh).Trained, 3 * k)).ToArray();
        TestContext.Out.WriteLine($"tanh gap counts for K = 2, 5, 10: {string.Join(", ", counts)}");
        ClaimAssert.That("S5", counts[2] < 10 - S5Tolerance, $"tanh, K = 10: gap count {counts[2]} unexpectedly matches K");
    }

    [Test]
    [Claim("S6")]
    [Category(Categories.Slow)]
    public void S6_wider_nets_keep_the_top_eigenvalues_and_their_count_and_negative_eigenvalues_stay_small()
    {
        var narrow = CompanionExperiments.TrainedExtremes(SeedOffset.Apply(0L), 8);
        var wide = CompanionExperiments.TrainedExtremes(SeedOffset.Apply(0L), 32);
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
    public void S7_large_batch_finds_larger_top_eigenvalues_and_no_barrier_separates_it_from_small_batch()
    {
        var (large, small, path) = CompanionExperiments.LargeVersusSmallBatch(SeedOffset.Apply(0L));
        TestContext.Out.WriteLine($"top eigenvalues large batch: {string.Join(", ", large.Select(x => x.ToString("G3")))}");
        TestContext.Out.WriteLine($"top eigenvalues small batch: {string.Join(", ", small.Select(x => x.ToString("G3")))}");
        TestContext.Out.WriteLine($"path losses: {string.Join(", ", path.Losses.Select(x => x.ToString("F4")))}; barrier {path.Barrier:E3}");
        ClaimAssert.That("S7", large[0] > small[0] * S7MinTopRatio, $"λ1 large batch {large[0]:G4} vs small batch {small[0]:G4}");
        ClaimAssert.That("S7", path.Barrier < S7MaxBarrier, $"barrier above the chord {path.Barrier:E3}");
    }

    private const double S4MinZeroFraction = 0.5;
    private const int S5Tolerance = 1;
    private const double S6MaxTopRatio = 3;
    private const double S6MaxNegative = 0.1;
    private const double S7MinTopRatio = 1;
    private const double S7MaxBarrier = 0.05;
}
