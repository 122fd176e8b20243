
namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W9-W12: the claims on the squared-error setting (tanh MLP 8-16-16-4, 32 one-hot cluster samples, full-batch GD,
/// η = 0.3). Each test runs 5 consecutive seeds (<see cref="SeedWindow"/>; W9's rise: the first 5 that start below 2/η)
/// and asserts on medians: single seeds scatter across every threshold (a seed that starts above 2/η, one that never
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

    [Test]
    [Category(Categories.Statistical)]
    [Category(Categories.Slow)]
    [Claim("W12")]
    public void Suppressing_unstable_directions_makes_the_loss_monotone_while_sharpness_keeps_rising()
    {
        var s = SeedWindow.Of(W12Constants.Window).Select(seed =>
        {
            var (objective, theta0) = SquaredErrorSetup.Default.Create(seed);
            var run = EdgeOfStabilityRuns.Suppressed(objective, theta0);
            run.FinalParameters?.Dispose();
            return EdgeOfStabilityStatistics.Suppression(run);
        }).ToList();
        TestContext.Out.WriteLine($"suppressed runs: loss increases {string.Join(", ", s.Select(x => x.LossIncreases))}; max directions suppressed {string.Join(", ", s.Select(x => x.MaxSuppressed))}; sharpness rise {List(s.Select(x => x.SharpnessRise))}");
        int acted = s.Count(x => x.MaxSuppressed >= 1);
        ClaimAssert.That("W12", acted >= W12Constants.MinSeedsSuppressed, $"a direction was suppressed on only {acted} of {W12Constants.Window} seeds (< {W12Constants.MinSeedsSuppressed}): the runs never reached 2/η");
        double increases = SeedWindow.Median(s.Select(x => (double)x.LossIncreases));
        ClaimAssert.That("W12", increases == 0, $"median step-to-step loss increases of the suppressed runs = {increases} (monotone expected)");
        double rise = s.Min(x => x.SharpnessRise);
        ClaimAssert.That("W12", rise > 0, $"smallest sharpness change of the suppressed runs {rise:F3} (a rise expected on every seed)");
    }

    [Test]
    [Category(Categories.Statistical)]
    [Category(Categories.Slow)]
    [Claim("W10")]
    public void Peak_sharpness_after_switching_to_a_small_eta_is_lower_for_a_larger_eta0()
    {
        var ratios = SeedWindow.Of(W10Constants.Window).Select(seed =>
        {
            var (objective, theta0) = SquaredErrorSetup.Default.Create(seed);
            double base03 = EdgeOfStabilityRuns.SwitchPeak(objective, theta0, EdgeOfStabilityRuns.Eta, EdgeOfStabilityRuns.SwitchEarly);
            double large = EdgeOfStabilityRuns.SwitchPeak(objective, theta0, EdgeOfStabilityRuns.LargeEta0, EdgeOfStabilityRuns.SwitchEarly);
            return large / base03;
        }).ToList();
        double ratio = SeedWindow.Median(ratios);
        ClaimAssert.That("W10", ratio <= W10Constants.MaxRatio,
            $"peak S after the switch to η = 0.1, η₀ = 0.45 over η₀ = 0.3: per seed {List(ratios)}, median {ratio:F3} > {W10Constants.MaxRatio}");
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
