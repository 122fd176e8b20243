
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
    /// only when 3 of 5 do. The margins are set against the random-label null (specs S4, S5).
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

    /// <summary>
    /// The random-label null of S4 and S5 on the test's own seed window: the clusters collapse (separation
    /// <see cref="S4Constants.NullSeparation"/>), so the labels carry no information about the inputs and a trained net
    /// can only memorise; neither the bulk at S4's margin nor S5's break after the K-th eigenvalue may appear.
    /// </summary>
    [Test]
    [Claim("S4")]
    [Claim("S5")]
    [Category(Categories.NegativeControl)]
    public void S4_S5_with_random_labels_there_is_no_bulk_at_the_margin_and_no_break_after_K_eigenvalues([Values(2, 5)] int classes)
    {
        var spectra = SeedWindow.Of(S4Constants.SpectrumWindow, first: 10L * classes)
            .Select(seed => TrainedSpectra.Run(seed, classes, Activation.ReLU, separation: S4Constants.NullSeparation).Trained).ToArray();
        foreach (var trained in spectra)
            TestContext.Out.WriteLine($"random labels, K = {classes}: |λ| < 1e-3 λmax: {NearZeroFraction(trained):P1}; top: {Top(trained, classes + 3)}; λ_K/λ_(K+1) = {KthRatio(trained, classes):F3}");
        string draw = $"labels independent of the inputs (separation {S4Constants.NullSeparation}), the test's seed window";
        ClaimAssert.FailsOnNull(SagunVerdicts.S4(classes, spectra), draw);
        ClaimAssert.FailsOnNull(SagunVerdicts.S5(classes, spectra), draw);
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

    /// <summary>
    /// S6's null on the test's own seed window: the same nets untrained (<see cref="S6Constants.NullSteps"/> steps), where
    /// the claim's "after training the negative eigenvalues are tiny" is false.
    /// </summary>
    [Test]
    [Claim("S6")]
    [Category(Categories.NegativeControl)]
    public void S6_untrained_nets_have_negative_eigenvalues_that_are_not_small()
    {
        var rows = SeedWindow.Of(S6Constants.Window).Select(s => (Narrow: HessianExtremes.AfterTraining(s, 8, steps: S6Constants.NullSteps), Wide: HessianExtremes.AfterTraining(s, 32, steps: S6Constants.NullSteps))).ToArray();
        foreach (var (narrow, wide) in rows)
            TestContext.Out.WriteLine($"untrained: width 8 top {Top(narrow.Top, 5)}, λmin {narrow.Bottom:G3} | width 32 top {Top(wide.Top, 5)}, λmin {wide.Bottom:G3}");
        ClaimAssert.FailsOnNull(SagunVerdicts.S6(rows), $"{S6Constants.NullSteps} training steps, the test's seed window");
    }

    [Test]
    [Claim("S7")]
    [Category(Categories.Slow)]
    public void S7_large_batch_finds_larger_top_eigenvalues_and_no_barrier_separates_it_from_small_batch()
    {
        var rows = SeedWindow.Of(S7Constants.RatioWindow).Select(s => BatchSizeComparison.Run(s, separation: S7Constants.Separation)).ToList();
        foreach (var (large, small, path) in rows)
            TestContext.Out.WriteLine($"top large batch {Top(large, 5)} | small batch {Top(small, 5)} | barrier {path.Barrier:E3}");
        ClaimAssert.Holds(S7Verdict(rows));
    }

    /// <summary>
    /// S7's null on the test's own seed window: both runs with batches of <see cref="S7Constants.NullBatch"/>, in two batch
    /// orders (<see cref="S7Constants.NullSamplingShift"/>), so no batch-size effect exists and the two top eigenvalues
    /// are exchangeable.
    /// </summary>
    [Test]
    [Claim("S7")]
    [Category(Categories.NegativeControl)]
    [Category(Categories.Slow)]
    public void S7_two_runs_with_the_same_batch_size_do_not_pass_as_large_and_small_batch()
    {
        var rows = SeedWindow.Of(S7Constants.RatioWindow).Select(S7Null).ToList();
        foreach (var (a, b, path) in rows)
            TestContext.Out.WriteLine($"batch {S7Constants.NullBatch}, two orders: top {Top(a, 3)} | {Top(b, 3)} | barrier {path.Barrier:E3}");
        ClaimAssert.FailsOnNull(S7Verdict(rows), $"batch {S7Constants.NullBatch} against batch {S7Constants.NullBatch} in another order, the test's seed window");
    }

    /// <summary>S7's null at one seed: the claim's experiment with the full-batch run replaced by a second batch-<see cref="S7Constants.NullBatch"/> run in another batch order.</summary>
    internal static BatchSizeComparison S7Null(long seed) =>
        BatchSizeComparison.Run(seed, smallBatch: S7Constants.NullBatch, separation: S7Constants.Separation, largeBatch: S7Constants.NullBatch, largeSamplingSeed: seed + S7Constants.NullSamplingShift);

    /// <summary>S7's criterion on a window of comparisons (seed order): the median λ1(large batch)/λ1(small batch) over all of
    /// them above <see cref="S7Constants.MinTopRatio"/>, and every barrier among the first <see cref="S7Constants.Window"/>
    /// below <see cref="S7Constants.MaxBarrier"/>.</summary>
    internal static ClaimEvaluation S7Verdict(IReadOnlyList<BatchSizeComparison> rows)
    {
        double ratio = SeedWindow.Median(rows.Select(r => r.LargeTop[0] / r.SmallTop[0]));
        int barrierSeeds = Math.Min(S7Constants.Window, rows.Count);
        double barrier = rows.Take(barrierSeeds).Max(r => r.Path.Barrier);
        return new CheckList("S7")
            .Measure($"median λ1(large)/λ1(small) = {ratio:F3} over {rows.Count} seeds, largest barrier {barrier:E3} over the first {barrierSeeds}")
            .That(ratio > S7Constants.MinTopRatio, $"median over {rows.Count} seeds of λ1(large batch)/λ1(small batch) = {ratio:F3} (≤ {S7Constants.MinTopRatio})")
            .That(barrier < S7Constants.MaxBarrier, $"largest loss above the chord between the two solutions over the first {barrierSeeds} seeds = {barrier:E3} (≥ {S7Constants.MaxBarrier})")
            .Done();
    }

    private static long SeedFor(int classes) => SeedOffset.Apply((long)classes);   // fixed seeds (shifted by GOLDILOCKS_SEED_OFFSET in a seed sweep); the calibration covers seeds 0..19
}
