
namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>The machinery behind W9-W12 (eigen-tracking GD, direction suppression, the sharpening factor) against
/// independent oracles. The statistical claims themselves are not calibrated yet (see specs/W9-W12).</summary>
public sealed class WangRobertsTrainingTests
{
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
