
namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W9-W12: the claims on the squared-error setting (tanh MLP 8-16-16-4, 32 one-hot cluster samples, full-batch GD,
/// η = 0.3). Each test runs a window of consecutive seeds (<see cref="SeedWindow"/>: 5 for W9 and W10, W9's rise on the
/// first 5 that start below 2/η; W12 on the first 7 whose plain run oscillates) and asserts on medians: single seeds scatter across every threshold (a seed that starts above 2/η, one that never
/// reaches it, one whose larger η₀ ends sharper).
/// Margins from WangRobertsEdgeOfStabilityCalibration.Calibrate over seeds 0..23 (windows starting at 0..19; W9 on 0..107; specs/W9,
/// W10, W12). W11, W10's later switch and the sign of the W12 sharpening factor did not reproduce (see the specs).</summary>
public sealed class WangRobertsEdgeOfStabilityTests
{
    private static string List(IEnumerable<double> xs) => string.Join(", ", xs.Select(x => x.ToString("F3")));

    [Test]
    [Category(Categories.Statistical)]
    [Category(Categories.Slow)]
    [Claim("W9")]
    public void Sharpness_rises_to_2_over_eta_and_hovers_there_while_the_loss_falls_non_monotonically()
    {
        // Progressive sharpening is a statement about stable training (Sec. 2.1: "so long as training is stable"): the
        // rise is judged on the first 5 seeds that start below the edge (ηS/2 < 1 at step 0; 13 of 108 calibration seeds
        // start above it). Hovering and the falling loss are judged on every run tracked, those included.
        var (s, stable) = SeedWindow.Admit(W9Constants.Window, W9Constants.MaxSeeds, seed =>
        {
            var (objective, theta0) = SquaredErrorSetup.Default.Create(seed);
            var run = EdgeOfStabilityRuns.Track(objective, theta0, extras: false);
            run.FinalParameters?.Dispose();
            ClaimAssert.That("W9", !run.Diverged, $"seed {seed}: the η = 0.3 run diverged");
            return EdgeOfStabilityStatistics.Sharpening(run);
        }, x => x.InitialRatio < 1);
        // Plain GD at η = 0.3 (cheap) over a wider window: the loss is non-monotone on only 31 of 54 seeds (7 in a row monotone).
        var increases = SeedWindow.Of(W9Constants.LossWindow).Select(seed =>
        {
            var (objective, theta0) = SquaredErrorSetup.Default.Create(seed);
            return EdgeOfStabilityRuns.PerStepLossIncreases(objective, theta0);
        }).ToList();
        TestContext.Out.WriteLine($"ηS/2 initial {List(s.Select(x => x.InitialRatio))}; peak {List(s.Select(x => x.PeakRatio))}; late median {List(s.Select(x => x.LateMedianRatio))}; late fraction in [0.8, 1.3] {List(s.Select(x => x.LateFractionNearLimit))}; final/initial loss {List(s.Select(x => x.FinalLossFraction))}; step-to-step loss increases {string.Join(", ", increases)}");
        ClaimAssert.Holds(WangRobertsVerdicts.W9(s, stable, W9Constants.Window, increases));
    }

    /// <summary>W9 null model: the same seeds trained at the stable η = 0.1 (2/η = 20, above any sharpness GD reaches here),
    /// a world without an edge of stability. In units of that η the sharpness must not hover in [0.8, 1.3] and the loss
    /// must fall monotonically: the hover and loss-increase margins of the W9 test fail (spec W9: 0 of 60 null seeds
    /// pass either).</summary>
    [Test]
    [Category(Categories.Statistical)]
    [Category(Categories.Slow)]
    [Claim("W9")]
    [Category(Categories.NegativeControl)]
    public void At_a_stable_eta_sharpness_stays_below_2_over_eta_and_the_loss_falls_monotonically()
    {
        const double eta = EdgeOfStabilityRuns.SmallEta;
        var s = SeedWindow.Of(W9Constants.Window).Select(seed =>
        {
            var (objective, theta0) = SquaredErrorSetup.Default.Create(seed);
            var run = EdgeOfStabilityRuns.Track(objective, theta0, extras: false, eta: eta);
            run.FinalParameters?.Dispose();
            return EdgeOfStabilityStatistics.Sharpening(run);
        }).ToList();
        var increases = SeedWindow.Of(W9Constants.LossWindow).Select(seed =>
        {
            var (objective, theta0) = SquaredErrorSetup.Default.Create(seed);
            return EdgeOfStabilityRuns.PerStepLossIncreases(objective, theta0, eta);
        }).ToList();
        double near = SeedWindow.Median(s.Select(x => x.LateFractionNearLimit));
        TestContext.Out.WriteLine($"η = {eta}: ηS/2 initial {List(s.Select(x => x.InitialRatio))}; peak {List(s.Select(x => x.PeakRatio))}; late fraction in [0.8, 1.3] {List(s.Select(x => x.LateFractionNearLimit))} (median {near:F3}); step-to-step loss increases {string.Join(", ", increases)}");
        ClaimAssert.That("W9", near < W9Constants.MinFractionNear, $"negative control at η = {eta}: median late fraction of ηS/2 in [0.8, 1.3] is {near:P0} ≥ {W9Constants.MinFractionNear:P0}, the hover margin passes without an edge of stability");
        ClaimAssert.That("W9", increases.Sum() < W9Constants.MinLossIncreases, $"negative control at η = {eta}: {increases.Sum()} step-to-step loss increases over {W9Constants.LossWindow} runs ≥ {W9Constants.MinLossIncreases}, the loss-increase margin passes at a stable η");
    }

    /// <summary>W12's premise: the first <see cref="W12Constants.Window"/> of at most <see cref="W12Constants.MaxSeeds"/>
    /// consecutive seeds whose plain GD run at η = 0.3 oscillates (at least <see cref="W12Constants.MinPlainIncreases"/>
    /// step-to-step loss increases: the claim is that suppression removes an oscillation, so a seed without one cannot
    /// show it), with their plain-run increases; asserts that enough seeds were found.</summary>
    internal static IReadOnlyList<(long Seed, int PlainIncreases)> W12OscillatingSeeds()
    {
        var (all, admitted) = SeedWindow.Admit(W12Constants.Window, W12Constants.MaxSeeds, seed =>
        {
            var (objective, theta0) = SquaredErrorSetup.Default.Create(seed);
            return (Seed: seed, PlainIncreases: EdgeOfStabilityRuns.PerStepLossIncreases(objective, theta0));
        }, m => m.PlainIncreases >= W12Constants.MinPlainIncreases);
        ClaimAssert.That("W12", admitted.Count == W12Constants.Window,
            $"only {admitted.Count} of {all.Count} seeds oscillate at η = 0.3 (≥ {W12Constants.MinPlainIncreases} loss increases; per seed {string.Join(", ", all.Select(m => m.PlainIncreases))}), {W12Constants.Window} needed");
        return admitted;
    }

    /// <summary>W12's statistics over the judged seeds: seeds on which a direction was suppressed (on a run without
    /// suppression: would have been), the median step-to-step loss increases, the smallest sharpness rise.</summary>
    internal static (int Acted, double MedianIncreases, double MinRise) W12Statistics(IReadOnlyList<SuppressionSummary> s) =>
        (s.Count(x => x.MaxSuppressed >= 1), SeedWindow.Median(s.Select(x => (double)x.LossIncreases)), s.Min(x => x.SharpnessRise));

    /// <summary>The W12 test's margins hold for these statistics.</summary>
    internal static bool W12Passes((int Acted, double MedianIncreases, double MinRise) w) =>
        w.Acted >= W12Constants.MinSeedsSuppressed && w.MedianIncreases == 0 && w.MinRise > 0;

    private static IReadOnlyList<SuppressionSummary> W12Summaries(IEnumerable<long> seeds, Func<Objective, Tensor, EigenTrackingResult> run) =>
        seeds.Select(seed =>
        {
            var (objective, theta0) = SquaredErrorSetup.Default.Create(seed);
            var r = run(objective, theta0);
            r.FinalParameters?.Dispose();
            return EdgeOfStabilityStatistics.Suppression(r);
        }).ToList();

    [Test]
    [Category(Categories.Statistical)]
    [Category(Categories.Slow)]
    [Claim("W12")]
    public void Suppressing_unstable_directions_makes_the_loss_monotone_while_sharpness_keeps_rising()
    {
        var seeds = W12OscillatingSeeds();
        var s = W12Summaries(seeds.Select(x => x.Seed), EdgeOfStabilityRuns.Suppressed);
        TestContext.Out.WriteLine($"seeds {string.Join(", ", seeds.Select(x => x.Seed))}: plain-run loss increases {string.Join(", ", seeds.Select(x => x.PlainIncreases))}; suppressed runs: loss increases {string.Join(", ", s.Select(x => x.LossIncreases))}; max directions suppressed {string.Join(", ", s.Select(x => x.MaxSuppressed))}; sharpness rise {List(s.Select(x => x.SharpnessRise))}");
        var (acted, increases, rise) = W12Statistics(s);
        ClaimAssert.That("W12", acted >= W12Constants.MinSeedsSuppressed, $"a direction was suppressed on only {acted} of {W12Constants.Window} seeds (< {W12Constants.MinSeedsSuppressed}): the runs never reached 2/η");
        ClaimAssert.That("W12", increases == 0, $"median step-to-step loss increases of the suppressed runs = {increases} (monotone expected; the plain runs of these seeds have {string.Join(", ", seeds.Select(x => x.PlainIncreases))})");
        ClaimAssert.That("W12", rise > 0, $"smallest sharpness change of the suppressed runs {rise:F3} (a rise expected on every seed)");
    }

    /// <summary>W12 null model: the test's seeds with the suppression switched off (<see cref="EdgeOfStabilityRuns.Unsuppressed"/>:
    /// the same GD, the same solver, the directions above 2/η counted but not removed). The loss keeps oscillating, so
    /// the test's margins must fail (spec W12).</summary>
    [Test]
    [Category(Categories.Statistical)]
    [Category(Categories.Slow)]
    [Claim("W12")]
    [Category(Categories.NegativeControl)]
    public void Without_suppression_the_loss_of_the_same_seeds_keeps_oscillating()
    {
        var seeds = W12OscillatingSeeds();
        var s = W12Summaries(seeds.Select(x => x.Seed), EdgeOfStabilityRuns.Unsuppressed);
        var w = W12Statistics(s);
        ClaimAssert.That("W12", !W12Passes(w),
            $"negative control without suppression, seeds {string.Join(", ", seeds.Select(x => x.Seed))}: loss increases {string.Join(", ", s.Select(x => x.LossIncreases))} (median {w.MedianIncreases}), directions above 2/η on {w.Acted} seeds, smallest sharpness rise {w.MinRise:F3}: the W12 margins pass with the suppression switched off");
    }

    /// <summary>W10's statistic per seed of the window: peak S after the switch to η = 0.1 at step 60 from η₀ =
    /// <paramref name="largeEta0"/> over the same from η₀ = <paramref name="baseEta0"/>, both from the seed's initialisation.</summary>
    internal static List<double> W10PeakRatios(double baseEta0, double largeEta0, int window = W10Constants.Window, long first = 0) =>
        SeedWindow.Of(window, first).Select(seed =>
        {
            var (objective, theta0) = SquaredErrorSetup.Default.Create(seed);
            double base0 = EdgeOfStabilityRuns.SwitchPeak(objective, theta0, baseEta0, EdgeOfStabilityRuns.SwitchEarly);
            return EdgeOfStabilityRuns.SwitchPeak(objective, theta0, largeEta0, EdgeOfStabilityRuns.SwitchEarly) / base0;
        }).ToList();

    [Test]
    [Category(Categories.Statistical)]
    [Category(Categories.Slow)]
    [Claim("W10")]
    public void Peak_sharpness_after_switching_to_a_small_eta_is_lower_for_a_larger_eta0()
    {
        var ratios = W10PeakRatios(EdgeOfStabilityRuns.Eta, EdgeOfStabilityRuns.LargeEta0);
        double ratio = SeedWindow.Median(ratios);
        ClaimAssert.That("W10", ratio <= W10Constants.MaxRatio,
            $"peak S after the switch to η = 0.1, η₀ = 0.45 over η₀ = 0.3: per seed {List(ratios)}, median {ratio:F3} > {W10Constants.MaxRatio}");
    }

    /// <summary>W10 null model: the same switch comparison with both initial learning rates stable (η₀ = 0.1 against
    /// η₀ = 0.15, the ratio 1.5 of 0.45 to 0.3), so no run has an edge of stability to flatten the landscape; the median
    /// peak ratio must stay above the margin (spec W10: 0 of 100 null seeds at or below it).</summary>
    [Test]
    [Category(Categories.Statistical)]
    [Claim("W10")]
    [Category(Categories.NegativeControl)]
    public void With_both_initial_etas_stable_the_larger_one_gives_no_lower_peak_after_the_switch()
    {
        var ratios = W10PeakRatios(EdgeOfStabilityRuns.SmallEta, EdgeOfStabilityRuns.StableLargeEta0);
        double ratio = SeedWindow.Median(ratios);
        ClaimAssert.That("W10", ratio > W10Constants.MaxRatio,
            $"negative control with stable η₀: peak S after the switch to η = 0.1, η₀ = {EdgeOfStabilityRuns.StableLargeEta0} over η₀ = {EdgeOfStabilityRuns.SmallEta}: per seed {List(ratios)}, median {ratio:F3} ≤ {W10Constants.MaxRatio}, the margin passes without an edge of stability");
    }

    // The machinery behind W9-W12 (eigen-tracking GD, direction suppression, the sharpening factor) against independent oracles.

    [Test]
    [Claim("W12")]
    public void Suppression_removes_exactly_the_update_along_eigen_directions_above_2_over_eta()
    {
        using var scope = torch.NewDisposeScope();
        var (model, data) = Fixtures.TinyReluNet();
        var objective = Fixtures.CrossEntropyObjective(model, data);
        var theta = model.InitialParameters(2);
        using var point = new LinearizationPoint(objective, theta);
        var dense = SymmetricEigen.Decompose(DenseMaterializer.Materialize(new HessianOperator(point)));
        var pairs = EigenTracking.TopEigenpairs(objective, theta, 6, new LanczosSolver(tolerance: 1e-12));
        double eta = 2 / (0.5 * (dense.Eigenvalues[^2] + dense.Eigenvalues[^3])); // two unstable directions
        var (_, grad) = objective.ValueAndGradient(theta);
        var (filtered, count) = new EigenDirectionSuppression(6).Apply(grad, pairs, eta);
        ClaimAssert.That("W12", count == 2, $"expected 2 unstable directions above 2/η, got {count}");
        int p = dense.Eigenvalues.Length;
        var top2 = dense.Eigenvectors.narrow(1, p - 2, 2);
        var expected = grad - top2.matmul(top2.t().matmul(grad));
        ClaimAssert.Close("W12", "suppressed update vs dense-eigh projection", filtered, expected, W12Constants.SuppressionRtol);
    }

    [Test]
    [Claim("W12")]
    public void Sharpness_gradient_matches_a_finite_difference_of_the_top_eigenvalue()
    {
        using var scope = torch.NewDisposeScope();
        var (model, data) = Fixtures.TinyReluNet();
        var objective = Fixtures.CrossEntropyObjective(model, data);
        var theta = model.InitialParameters(3);
        var opts = new LanczosSolver(tolerance: 1e-12);
        var top = EigenTracking.TopEigenpairs(objective, theta, 1, opts);
        var gradS = SharpnessGradient.Compute(objective, theta, top.Eigenvectors[.., 0].contiguous());
        var dir = torch.randn(theta.shape, generator: new torch.Generator(11));
        dir /= dir.norm();
        const double h = W12Constants.FiniteDifferenceStep;
        double plus = EigenTracking.TopEigenpairs(objective, theta + h * dir, 1, opts).Top;
        double minus = EigenTracking.TopEigenpairs(objective, theta - h * dir, 1, opts).Top;
        double fd = (plus - minus) / (2 * h);
        ClaimAssert.Close("W12", "∇S·d vs central difference of λ₁", gradS.dot(dir).item<double>(), fd, W12Constants.SharpnessGradientRtol);
    }

    [Test]
    [Category(Categories.Slow)]
    [Claim("W9")]
    [Claim("W11")]
    public void Eigen_tracking_records_the_dense_top_eigenpairs_every_n_steps()
    {
        using var scope = torch.NewDisposeScope();
        var (model, data) = Fixtures.TinyReluNet();
        var objective = Fixtures.CrossEntropyObjective(model, data);
        var run = EigenTracking.Run(objective, model.InitialParameters(4), 0.5, 6, new EigenTrackingOptions(TopK: 3, RecordEvery: 3, KeepEigenvectors: true, KeepParameters: true), new LanczosSolver(tolerance: 1e-12));
        ClaimAssert.That("W9", run.Records.Select(s => s.Step).SequenceEqual(new[] { 0, 3, 6 }), $"records at steps 0, 3, 6, got {string.Join(", ", run.Records.Select(s => s.Step))}");
        foreach (var s in run.Records)
        {
            using var point = new LinearizationPoint(objective, s.Parameters!);
            var dense = SymmetricEigen.Decompose(DenseMaterializer.Materialize(new HessianOperator(point)));
            int p = dense.Eigenvalues.Length;
            for (int k = 0; k < 3; k++)
                ClaimAssert.Close("W9", $"λ_{k + 1} at step {s.Step}", s.Eigenvalues[k], dense.Eigenvalues[p - 1 - k], W9Constants.TrackingRtol);
            double sim = EigenvectorSimilarity.GrassmannSimilarity(s.Eigenvectors!, dense.Eigenvectors.narrow(1, p - 3, 3));
            ClaimAssert.That("W11", 1 - sim <= W11Constants.TrackingSubspaceTolerance, $"top-3 subspace at step {s.Step}: Grassmann similarity {sim:R}, 1 − similarity {1 - sim:E3} > {W11Constants.TrackingSubspaceTolerance}");
        }
    }

    /// <summary>W11 null model for the subspace machinery: the tracked top-3 subspace against the dense eigenvectors of
    /// ranks 2-4 instead of 1-3 (one direction exchanged for the next one down). Its Grassmann similarity is about 2/3,
    /// so the tracking check must fail it by far (spec W11).</summary>
    [Test]
    [Claim("W11")]
    [Category(Categories.NegativeControl)]
    public void A_top_3_subspace_shifted_by_one_rank_fails_the_tracking_check()
    {
        using var scope = torch.NewDisposeScope();
        var (model, data) = Fixtures.TinyReluNet();
        var objective = Fixtures.CrossEntropyObjective(model, data);
        var theta = model.InitialParameters(4);
        var run = EigenTracking.Run(objective, theta, 0.5, 0, new EigenTrackingOptions(TopK: 3, KeepEigenvectors: true), new LanczosSolver(tolerance: 1e-12));
        using var point = new LinearizationPoint(objective, theta);
        var dense = SymmetricEigen.Decompose(DenseMaterializer.Materialize(new HessianOperator(point)));
        int p = dense.Eigenvalues.Length;
        double sim = EigenvectorSimilarity.GrassmannSimilarity(run.Records[0].Eigenvectors!, dense.Eigenvectors.narrow(1, p - 4, 3));
        run.FinalParameters?.Dispose();
        TestContext.Out.WriteLine($"tracked top-3 subspace against dense ranks 2-4: Grassmann similarity {sim:R}");
        ClaimAssert.That("W11", 1 - sim > W11Constants.TrackingSubspaceTolerance,
            $"negative control: the tracked top-3 subspace against dense ranks 2-4 has Grassmann similarity {sim:R}, 1 − similarity {1 - sim:E3} ≤ {W11Constants.TrackingSubspaceTolerance}: the tracking check cannot tell the top-3 subspace from a shifted one");
    }

    [Test]
    [Claim("W11")]
    public void Subspace_similarity_is_basis_free_and_bounded_by_the_single_vector_cosines()
    {
        using var scope = torch.NewDisposeScope();
        var gen = new torch.Generator(5);
        var u = torch.randn(new long[] { 20, 3 }, generator: gen);
        var v = u + 0.3 * torch.randn(new long[] { 20, 3 }, generator: gen);
        var mix = torch.randn(new long[] { 3, 3 }, generator: gen);
        double sim = EigenvectorSimilarity.GrassmannSimilarity(u, v);
        ClaimAssert.Close("W11", "Grassmann similarity under a change of basis", EigenvectorSimilarity.GrassmannSimilarity(u.matmul(mix), v), sim, W11Constants.SimilarityRtol);
        ClaimAssert.Close("W11", "self-similarity", EigenvectorSimilarity.GrassmannSimilarity(u, u.matmul(mix)), 1.0, W11Constants.SimilarityRtol);
        var orth = torch.linalg.qr(torch.randn(new long[] { 20, 6 }, generator: gen)).Q;
        double orthSim = EigenvectorSimilarity.GrassmannSimilarity(orth.narrow(1, 0, 3), orth.narrow(1, 3, 3));
        ClaimAssert.That("W11", orthSim < W11Constants.OrthogonalSimilarityMax, $"orthogonal subspaces have similarity 0, got {orthSim:E3} (≥ {W11Constants.OrthogonalSimilarityMax})");
        var angles = EigenvectorSimilarity.PrincipalAngles(u, v);
        ClaimAssert.Close("W11", "Grassmann distance = √Σθ²", EigenvectorSimilarity.GrassmannDistance(u, v), Math.Sqrt(angles.Sum(a => a * a)), W11Constants.DistanceRtol);
        // the largest principal cosine bounds every single-column cosine
        double maxCos = EigenvectorSimilarity.PrincipalCosines(u, v)[0];
        for (int k = 0; k < 3; k++)
            {
            double colCos = EigenvectorSimilarity.AbsCosine(u[.., k], v[.., k]);
            ClaimAssert.That("W11", colCos <= maxCos + W11Constants.SimilarityRtol, $"column {k} cosine {colCos:R} ≤ top principal cosine {maxCos:R}; SimilarityRtol = {W11Constants.SimilarityRtol}");
        }
    }
}
