using FsCheck;
using FsCheck.Fluent;
using Goldilocks.Tests.Foundation;
using static Goldilocks.Tests.Claims.Shared.PropertyGenerators;

namespace Goldilocks.Tests.Claims.FortScherlis;

/// <summary>Exact claims of Fort &amp; Scherlis (paper 001): F1, F2, F3, F5, F6 (F7: FortScherlisSphericalMeanTests).</summary>
public sealed class FortScherlisExactTests
{
    // ---------- F1: the Hessian on x = P + Mw is MᵀHM ----------

    [ClaimProperty(MaxTest = F1Constants.PropertyCases)]
    [Claim("F1")]
    public Property F1_hyperplane_Hessian_by_autograd_in_w_equals_projected_Hessian()
    {
        return Prop.ForAll(Between(1, 8), Between(0, 1000), Arb.From(Gen.Elements(BasisKind.GaussianOrthonormal, BasisKind.SparseSign)), (d, seed, kind) =>
        {
            using var scope = torch.NewDisposeScope();
            var (model, data) = Fixtures.TinyReluNet(seed);
            var objective = Fixtures.CrossEntropyObjective(model, data, batchSize: 5);
            var basis = SubspaceBasis.Create(model.ParameterCount, d, seed + 1, kind);
            var surface = new RandomSurface(objective, model.InitialParameters(seed), basis);
            // Away from w = 0 as well: the identity holds at every point of the plane.
            var w = torch.randn(new long[] { d }, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)seed + 2)) * 0.3;
            var byAutograd = surface.Hessian(w);
            using var point = new LinearizationPoint(objective, surface.Parameters(w));
            var projected = DenseMaterializer.Materialize(new ProjectedOperator(new HessianOperator(point), basis));
            ClaimAssert.Close("F1", $"d²L(P+Mw)/dw² vs MᵀHM (d={d}, {kind}, seed {seed})", byAutograd, projected, F1Constants.Rtol);
        });
    }

    [Test]
    [Claim("F1")]
    [Category(Categories.NegativeControl)]
    public void F1_on_a_hypersphere_the_surface_Hessian_is_not_MᵀHM()
    {
        using var scope = torch.NewDisposeScope();
        var (model, data) = Fixtures.TinyReluNet(3);
        var objective = Fixtures.CrossEntropyObjective(model, data);
        var basis = SubspaceBasis.Create(model.ParameterCount, 4, 5);
        var sphere = new RandomSurface(objective, model.InitialParameters(3), basis, SurfaceKind.Hypersphere);
        var w = torch.zeros(4, dtype: ScalarType.Float64);
        using var point = new LinearizationPoint(objective, sphere.Parameters(w));
        var projected = DenseMaterializer.Materialize(new ProjectedOperator(new HessianOperator(point), basis));
        double err = ClaimAssert.RelativeError(sphere.Hessian(w), projected);
        TestContext.Out.WriteLine($"hypersphere: relative difference from MᵀHM = {err:E3}");
        ClaimAssert.That("F1", err > F1Constants.MinSphereGap, $"the curved surface must add the radial terms, but differs from MᵀHM by only {err:E3} ≤ {F1Constants.MinSphereGap}");
    }

    [Test]
    [Claim("F1")]
    public void F1_chain_rule_gradient_matches_finite_differences_on_plane_and_sphere()
    {
        using var scope = torch.NewDisposeScope();
        var (model, data) = Fixtures.TinyReluNet(4);
        var objective = Fixtures.CrossEntropyObjective(model, data);
        foreach (var kind in new[] { SurfaceKind.Hyperplane, SurfaceKind.Hypersphere })
        {
            var surface = new RandomSurface(objective, model.InitialParameters(4), SubspaceBasis.Create(model.ParameterCount, 3, 9), kind);
            var w = torch.tensor(new[] { 0.2, -0.1, 0.05 });
            var (_, g) = surface.ValueAndGradient(w);
            var fd = torch.zeros(3);
            const double h = F1Constants.FiniteDifferenceStep;
            for (int i = 0; i < 3; i++)
            {
                var e = torch.zeros(3); e[i] = h;
                fd[i] = (objective.Value(surface.Parameters(w + e)) - objective.Value(surface.Parameters(w - e))) / (2 * h);
            }
            ClaimAssert.Close("F1", $"chain-rule gradient in w ({kind}) vs central differences", g, fd, F1Constants.GradientRtol);
        }
    }

    // ---------- F2: sparse ±1/√n bases ----------

    [ClaimProperty(MaxTest = F2Constants.PropertyCases)]
    [Claim("F2")]
    public Property F2_sparse_columns_have_unit_norm_and_QR_basis_is_orthonormal()
    {
        return Prop.ForAll(Between(2, 300), Between(0, 10_000), (p, seed) =>
        {
            int d = Math.Min(p, 1 + seed % 12);
            using var scope = torch.NewDisposeScope();
            var sparse = SubspaceBasis.Create(p, d, seed, BasisKind.SparseSign);
            var norms = torch.linalg.vector_norm(sparse, dims: new long[] { 0 });
            ClaimAssert.Close("F2", $"sparse column norms (P={p}, d={d})", norms, torch.ones(d), F2Constants.NormRtol);
            var q = SubspaceBasis.Create(p, d, seed, BasisKind.GaussianOrthonormal);
            ClaimAssert.Close("F2", $"QᵀQ = I (P={p}, d={d})", q.t().matmul(q), torch.eye(d), F2Constants.OrthonormalRtol);
        });
    }

    [TestCase(null)]
    [TestCase(3L)]
    [TestCase(200L)]
    [Claim("F2")]
    [Category(Categories.Statistical)]
    public void F2_sparse_Gram_off_diagonals_have_mean_zero_and_mean_square_one_over_D(long? nonZeros)
    {
        // E[(m_a·m_b)²] = E[overlap]/(n_a n_b) = (n_a n_b/D)/(n_a n_b) = 1/D exactly, for any n (see spec).
        FortScherlisMonteCarlo.F2(nonZeros, SeedOffset.Apply).AssertClaim("F2");
    }

    /// <summary>Negative control: on the same sparse bases the off-diagonal mean square is far from 0, the value of
    /// orthonormal columns (the null model).</summary>
    [TestCase(null)]
    [TestCase(3L)]
    [TestCase(200L)]
    [Claim("F2")]
    [Category(Categories.NegativeControl)]
    public void F2_sparse_Gram_off_diagonals_are_not_those_of_orthonormal_columns(long? nonZeros)
    {
        FortScherlisMonteCarlo.F2(nonZeros, SeedOffset.Apply).AssertNullFails("F2", "mean square 0");
    }

    // ---------- F3: random-direction and random-subspace estimators ----------

    [ClaimProperty(MaxTest = F3Constants.PropertyCases)]
    [Claim("F3")]
    public Property F3_Gaussian_direction_curvature_has_mean_trace_over_D_and_variance_two_Frobenius_squared_over_D_squared()
    {
        return Prop.ForAll(Between(3, 40), Between(0, 1000), (dim, seed) =>
        {
            using var scope = torch.NewDisposeScope();
            var h = SymmetricMatrix(dim, seed, shift: (seed % 5) - 2);
            double trace = torch.trace(h).item<double>(), frob2 = h.pow(2).sum().item<double>();
            const int count = F3Constants.Directions;
            var c = RandomDirections.Curvatures(h, count, seed + 7, DirectionKind.Gaussian);
            var est = Hutchinson.MeanWithError(c);
            double expectedMean = RandomDirections.ExpectedCurvature(trace, dim);
            double expectedVar = RandomDirections.GaussianCurvatureVariance(frob2, dim);
            double z = (est.Value - expectedMean) / Math.Sqrt(expectedVar / count);
            double sampleVar = c.Select(x => (x - est.Value) * (x - est.Value)).Sum() / (count - 1);
            ClaimAssert.That("F3", Math.Abs(z) < F3Constants.MaxZ, $"E[vᵀHv]: sample mean {est.Value:E5} vs Tr(H)/D = {expectedMean:E5} is {z:F2} SE off (allowed {F3Constants.MaxZ}, D={dim})");
            ClaimAssert.Close("F3", $"Var[vᵀHv] vs 2‖H‖²/D² (D={dim})", sampleVar, expectedVar, F3Constants.VarianceRtol);
        });
    }

    [Test]
    [Claim("F3")]
    [Category(Categories.Statistical)]
    public void F3_for_uniform_unit_directions_the_variance_is_2_times_D_Frobenius_squared_minus_trace_squared_over_D_squared_D_plus_2()
    {
        using var scope = torch.NewDisposeScope();
        const int dim = F3Constants.UnitDimension;
        // H = I: on the unit sphere every curvature is exactly 1, so the variance is 0, not 2‖I‖²/D² = 2/D.
        var ones = RandomDirections.Curvatures(new MatrixOperator(torch.eye(dim)), 500, SeedOffset.Apply(1), DirectionKind.UniformSphere);
        ClaimAssert.That("F3", ones.Max(x => Math.Abs(x - 1)) < F3Constants.IdentityRoundOff, $"uᵀIu = 1 for every unit u: worst |uᵀIu − 1| = {ones.Max(x => Math.Abs(x - 1)):E3}; IdentityRoundOff = {F3Constants.IdentityRoundOff}");
        ClaimAssert.That("F3", RandomDirections.SphereCurvatureVariance(dim, dim, dim) == 0, $"sphere variance for H = I must be 0, got {RandomDirections.SphereCurvatureVariance(dim, dim, dim):R}");
        ClaimAssert.That("F3", Math.Abs(RandomDirections.GaussianCurvatureVariance(dim, dim) - 2.0 / dim) <= F3Constants.ClosedFormRoundOff, $"Gaussian variance for H = I: {RandomDirections.GaussianCurvatureVariance(dim, dim):R} vs 2/D = {2.0 / dim:R}; ClosedFormRoundOff = {F3Constants.ClosedFormRoundOff}");

        var v = FortScherlisMonteCarlo.F3Unit(SeedOffset.Apply);
        v.AssertClaim("F3");
        // NullDistance is the Gaussian formula's relative error past UnitVarianceRtol.
        double gaussianMisfit = v.NullDistance + F3Constants.UnitVarianceRtol;
        ClaimAssert.That("F3", gaussianMisfit > F3Constants.MinGaussianMisfit, $"the Gaussian formula should be visibly off for unit directions at D={dim}: relative error {gaussianMisfit:F3} (must exceed {F3Constants.MinGaussianMisfit})");
    }

    /// <summary>Negative control: the same unit-direction draws miss the Gaussian-direction variance 2‖H‖²/D² by more than the margin.</summary>
    [Test]
    [Claim("F3")]
    [Category(Categories.NegativeControl)]
    public void F3_unit_direction_variance_is_not_the_Gaussian_formula()
    {
        FortScherlisMonteCarlo.F3Unit(SeedOffset.Apply).AssertNullFails("F3", "the Gaussian-direction variance 2‖H‖²/D²");
    }

    /// <summary>The subspace sampler (SubspaceBasis, Gaussian orthonormal) against the closed forms of a Haar d-frame:
    /// E Tr(H_d) = d Tr(H)/D (library) as a z-score with the oracle variance, and the sample variance vs the Haar variance.
    /// A frame-split identity (block traces summing to Tr H) holds for any orthogonal matrix; these moments do not.</summary>
    [Test]
    [Claim("F3")]
    [Category(Categories.Statistical)]
    public void F3_Haar_subspaces_have_mean_projected_trace_d_Tr_over_D_and_the_Haar_variance()
    {
        FortScherlisMonteCarlo.F3Haar(SeedOffset.Apply).AssertClaim("F3");
    }

    /// <summary>Negative control: the same Haar frames miss the variance of d independent unit columns, (D − 1)/(D − d) times the Haar variance.</summary>
    [Test]
    [Claim("F3")]
    [Category(Categories.NegativeControl)]
    public void F3_Haar_subspace_variance_is_not_that_of_independent_unit_columns()
    {
        FortScherlisMonteCarlo.F3Haar(SeedOffset.Apply).AssertNullFails("F3", "d independent unit columns");
    }

    /// <summary>Negative control: unit Gaussian columns that are not orthogonalized have the right mean but the variance
    /// of d independent unit directions, D − 1 over D − d = 11/6 times the Haar variance; the check rejects them.</summary>
    [Test]
    [Claim("F3")]
    [Category(Categories.NegativeControl)]
    public void F3_unit_columns_without_orthogonalization_fail_the_Haar_variance()
    {
        using var scope = torch.NewDisposeScope();
        const int dim = F3Constants.SubspaceDimension, d = F3Constants.SubspaceRank;
        var h = SymmetricMatrix(dim, (int)SeedOffset.Apply(31), shift: 1.5);
        var m = FortScherlisMonteCarlo.ProjectedTraceMoments(h, d, F3Constants.Frames, i =>
        {
            var g = torch.randn(new long[] { dim, d }, torch.float64, generator: new torch.Generator((ulong)SeedOffset.Apply(1000 + i)));
            return g / g.norm(0, keepdim: true);
        });
        TestContext.Out.WriteLine($"unorthogonalized unit columns: mean {m.Mean:F5} vs {m.Expected:F5} (z = {m.Z:F2}); variance {m.Variance:F5} vs Haar {m.ExpectedVariance:F5} (ratio {m.Variance / m.ExpectedVariance:F3})");
        ClaimAssert.That("F3", Math.Abs(m.Variance / m.ExpectedVariance - 1) > F3Constants.VarianceRtol,
            $"non-orthogonal frames must fail the Haar variance check: ratio {m.Variance / m.ExpectedVariance:F3} within {F3Constants.VarianceRtol}");
    }

    [Test]
    [Claim("F3")]
    [Category(Categories.Statistical)]
    public void F3_projected_trace_and_Frobenius_moments_by_Monte_Carlo_on_a_network_Hessian()
    {
        FortScherlisMonteCarlo.F3Network(SeedOffset.Apply).AssertClaim("F3");
    }

    /// <summary>Negative control: on the same Gaussian subspaces E‖H_d‖² is far from ‖E H_d‖² = d·Tr²/D², the value with the fluctuation term dropped.</summary>
    [Test]
    [Claim("F3")]
    [Category(Categories.NegativeControl)]
    public void F3_network_projected_Frobenius_moment_is_not_the_squared_mean()
    {
        FortScherlisMonteCarlo.F3Network(SeedOffset.Apply).AssertNullFails("F3", "E‖H_d‖² = ‖E H_d‖²");
    }

    // ---------- F5: the thin shell ----------

    [Test]
    [Claim("F5")]
    public void F5_chi_mean_and_width_closed_forms()
    {
        ClaimAssert.That("F5", Math.Abs(ThinShell.LogGamma(0.5) - 0.5 * Math.Log(Math.PI)) <= F5Constants.LogGammaSmallRoundOff, $"log Γ(0.5) = {ThinShell.LogGamma(0.5):R} vs ½ log π = {0.5 * Math.Log(Math.PI):R}; LogGammaSmallRoundOff = {F5Constants.LogGammaSmallRoundOff}");
        ClaimAssert.That("F5", Math.Abs(ThinShell.LogGamma(5) - Math.Log(24)) <= F5Constants.LogGammaRoundOff, $"log Γ(5) = {ThinShell.LogGamma(5):R} vs log 24 = {Math.Log(24):R}; LogGammaRoundOff = {F5Constants.LogGammaRoundOff}");
        ClaimAssert.That("F5", Math.Abs(ThinShell.LogGamma(101) - 363.73937555556347) <= F5Constants.LogGammaLargeRoundOff, $"log Γ(101) = {ThinShell.LogGamma(101):R} vs log 100! = 363.73937555556347; LogGammaLargeRoundOff = {F5Constants.LogGammaLargeRoundOff}");
        ClaimAssert.Close("F5", "E χ_1 = √(2/π)", ThinShell.ChiMean(1), Math.Sqrt(2 / Math.PI), F5Constants.ChiMeanRtol);
        ClaimAssert.Close("F5", "E χ_2 = √(π/2)", ThinShell.ChiMean(2), Math.Sqrt(Math.PI / 2), F5Constants.ChiMeanRtol);
        ClaimAssert.Close("F5", "E χ_3 = 2√(2/π)", ThinShell.ChiMean(3), 2 * Math.Sqrt(2 / Math.PI), F5Constants.ChiMeanRtol);
        double previous = double.PositiveInfinity;
        foreach (long p in new long[] { 10, 100, 1_000, 10_000, 100_000 })
        {
            double ratio = ThinShell.RelativeWidth(p) / ThinShell.AsymptoticRelativeWidth(p);
            double gap = Math.Abs(ratio - 1);
            TestContext.Out.WriteLine($"P={p}: exact relative width {ThinShell.RelativeWidth(p):E6}, 1/√(2P) = {ThinShell.AsymptoticRelativeWidth(p):E6}, ratio-1 = {gap:E2}");
            ClaimAssert.That("F5", gap < 1.0 / p && gap < previous, $"relative width must approach 1/√(2P) at rate O(1/P): |ratio-1| = {gap:E3} at P={p}");
            previous = gap;
            (ThinShell.ChiMean(p) / Math.Sqrt(p)).Should().BeInRange(1 - 1.0 / p, 1, "[F5] E‖θ‖ ≈ σ√P from below");
        }
    }

    [Test]
    [Claim("F5")]
    [Category(Categories.Statistical)]
    public void F5_isotropic_Gaussian_radii_match_the_chi_distribution()
    {
        FortScherlisMonteCarlo.F5Isotropic(SeedOffset.Apply).AssertClaim("F5");
    }

    /// <summary>Negative control: the same isotropic radii miss the relative width 1/√P (no factor ½ from the delta method).</summary>
    [Test]
    [Claim("F5")]
    [Category(Categories.NegativeControl)]
    public void F5_isotropic_radius_spread_is_not_one_over_root_P()
    {
        FortScherlisMonteCarlo.F5Isotropic(SeedOffset.Apply).AssertNullFails("F5", "relative width 1/√P");
    }

    [Test]
    [Claim("F5")]
    [Category(Categories.Statistical)]
    public void F5_Kaiming_shell_width_follows_the_participation_ratio_not_P()
    {
        FortScherlisMonteCarlo.F5Kaiming(SeedOffset.Apply).AssertClaim("F5");
    }

    /// <summary>Negative control: the same Kaiming radii miss the equal-variance width 1/√(2P).</summary>
    [Test]
    [Claim("F5")]
    [Category(Categories.NegativeControl)]
    public void F5_Kaiming_shell_width_is_not_one_over_root_2P()
    {
        FortScherlisMonteCarlo.F5Kaiming(SeedOffset.Apply).AssertNullFails("F5", "width 1/√(2P) in place of 1/√(2P_eff)");
    }

    // ---------- F6: Euler identity, radial loss limits ----------

    [ClaimProperty(MaxTest = F6Constants.PropertyCases)]
    [Claim("F6")]
    public Property F6_Euler_identity_theta_dot_grad_z_equals_L_z_for_bias_free_homogeneous_nets()
    {
        return Prop.ForAll(Between(0, 3), Between(0, 1000), Arb.From(Gen.Elements(Activation.ReLU, Activation.LeakyReLU, Activation.Identity)), (depth, seed, activation) =>
        {
            using var scope = torch.NewDisposeScope();
            var model = new Mlp(5, Enumerable.Repeat(4, depth).ToArray(), 3, activation);
            double err = EulerDefect(model, seed);
            ClaimAssert.That("F6", err < F6Constants.EulerRtol, $"θ·∇z vs L·z for {model} (L = {model.HomogeneityDegree}): relative error {err:E3} ≥ {F6Constants.EulerRtol}");
        });
    }

    [TestCase(Activation.Tanh, false)]
    [TestCase(Activation.ReLU, true)]
    [Claim("F6")]
    [Category(Categories.NegativeControl)]
    public void F6_Euler_identity_fails_with_tanh_or_biases(Activation activation, bool bias)
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(5, new[] { 4, 4 }, 3, activation, bias);
        double err = EulerDefect(model, 3, randomBiases: bias);
        TestContext.Out.WriteLine($"{model}: relative Euler defect {err:E3}");
        ClaimAssert.That("F6", err > F6Constants.MinControlError, $"{model} is not homogeneous, yet θ·∇z = 3z to {err:E3} ≤ {F6Constants.MinControlError}");
    }

    private static double EulerDefect(Mlp model, long seed, bool randomBiases = false)
    {
        var data = SyntheticClusters.Generate(10, 5, 3, seed);
        var objective = Fixtures.CrossEntropyObjective(model, data);
        var theta = model.InitialParameters(seed);
        if (randomBiases)
            foreach (var b in model.Blocks.Where(b => b.IsBias))
                theta.narrow(0, b.Offset, b.Count).copy_(torch.randn(b.Count, generator: new torch.Generator((ulong)seed)));
        using var point = new LinearizationPoint(objective, theta);
        var batch = point.Graphs()[0];
        var jTheta = LinearizationPoint.JacobianProduct(batch, theta);        // θ·∇_θ z, per sample and logit
        int degree = model.HomogeneityDegree ?? model.WeightLayers;
        return ClaimAssert.RelativeError(jTheta, batch.Logits.detach() * degree);
    }

    [Test]
    [Claim("F6")]
    public void F6_mean_loss_tends_to_log_K_at_small_radius_and_grows_as_r_to_the_L_at_large_radius()
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(6, new[] { 8, 8 }, 4);                     // L = 3
        var data = SyntheticClusters.Generate(40, 6, 4, 8);
        var objective = Fixtures.CrossEntropyObjective(model, data);
        var directions = Enumerable.Range(0, 6).Select(s => { var t = model.InitialParameters(s); return t / t.norm(); }).ToList();
        double rInit = model.InitialParameters(0).norm().item<double>();
        double MeanLoss(double r) => directions.Average(u => objective.Value(u * r));
        double small = MeanLoss(F6Constants.SmallRadius * rInit);
        TestContext.Out.WriteLine($"r = {F6Constants.SmallRadius} r_init: mean loss {small:R}, log K = {Math.Log(4):R}");
        ClaimAssert.Close("F6", "mean loss at r → 0 vs log K", small, Math.Log(4), F6Constants.Rtol);
        double big = 1e3 * rInit;
        double slope = Math.Log(MeanLoss(2 * big) / MeanLoss(big)) / Math.Log(2);
        TestContext.Out.WriteLine($"log-log slope at r = 1e3 r_init: {slope:R} (L = 3)");
        ClaimAssert.Close("F6", "log-log slope of the mean loss at large radius vs L", slope, 3, F6Constants.Rtol);
    }

    public static IEnumerable<TestCaseData> F1RestrictionCases() =>
        new[] { "MLP-Tanh-bias", "MLP-ReLU", "LeNet5-Max-1x16x16" }
            .SelectMany(a => new[] { BasisKind.GaussianOrthonormal, BasisKind.SparseSign }.Select(k => new TestCaseData(a, k)));

    /// <summary>
    /// The Hessian restricted to θ₀ + span(V) is VᵀHV (Sec. 3). The oracle differentiates w ↦ L(θ₀ + Vw) twice with
    /// respect to w itself (row by row at w = 0), so it never forms H or calls the operators. By the chain rule the
    /// identity is exact for any V, orthonormal (QR) or only nearly so (sparse ±1/√n).
    /// </summary>
    [Claim("F1")]
    [TestCaseSource(nameof(F1RestrictionCases))]
    public void F1_projected_Hessian_equals_the_Hessian_of_the_loss_restricted_to_the_subspace(string architecture, BasisKind kind)
    {
        using var scope = torch.NewDisposeScope();
        using var c = EngineCases.Create(architecture);
        var objective = c.Objective(temperature: 0.9, batchSize: 4);
        var basis = SubspaceBasis.Create(c.Model.ParameterCount, F1Constants.RestrictionDimension, seed: 11, kind);
        using var point = new LinearizationPoint(objective, c.Theta);
        var projected = DenseMaterializer.Materialize(new ProjectedOperator(new HessianOperator(point), basis));

        var oracle = AutogradHessian.Rows(w => objective.Loss.Sum(objective.Model.Forward(c.Theta + basis.matmul(w), objective.Data.Inputs), objective.Data.Targets) / objective.Count,
            torch.zeros(F1Constants.RestrictionDimension, dtype: ScalarType.Float64));

        TestContext.Out.WriteLine($"{architecture}, {kind}: relative error {ClaimAssert.RelativeError(projected, oracle):E3}");
        ClaimAssert.Close("F1", $"{architecture}, {kind} basis: VᵀHV vs ∇²_w L(θ₀ + Vw)", projected, oracle, F1Constants.Rtol);
    }
}
