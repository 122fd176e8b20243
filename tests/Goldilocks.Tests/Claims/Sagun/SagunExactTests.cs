using FsCheck;
using FsCheck.Fluent;
using static Goldilocks.Tests.Claims.Shared.PropertyGenerators;

namespace Goldilocks.Tests.Claims.Sagun;

/// <summary>Exact claims of Sagun et al. (paper 004): S1, S2, S3, S8, S9.</summary>
public sealed class SagunExactTests
{
    /// <summary>Dense H, G-term and H-term, each from its own operator. For a linear model the H-term's second-derivative
    /// graph is structurally empty and <see cref="HTermOperator"/> returns zeros.</summary>
    private static (Tensor H, Tensor G, Tensor HTerm) DenseSplit(Objective objective, Tensor theta)
    {
        using var point = new LinearizationPoint(objective, theta);
        var h = DenseMaterializer.Materialize(new HessianOperator(point));
        var g = DenseMaterializer.Materialize(new GTermOperator(point));
        return (h, g, DenseMaterializer.Materialize(new HTermOperator(point)));
    }

    // ---------- S1: softmax regression ----------

    [ClaimProperty(MaxTest = S1Constants.PropertyCases)]
    [Claim("S1")]
    public Property S1_softmax_regression_Hessian_is_the_Kronecker_closed_form_and_all_Gauss_Newton()
    {
        return Prop.ForAll(Between(2, 6), Between(2, 5), Between(0, 1000), (features, classes, seed) =>
        {
            using var scope = torch.NewDisposeScope();
            double temperature = new[] { 0.5, 1.0, 2.0 }[seed % 3];
            var model = new Mlp(features, Array.Empty<int>(), classes);
            var data = SyntheticClusters.Generate(3 + seed % 8, features, classes, seed);
            var objective = Fixtures.CrossEntropyObjective(model, data, temperature);
            var theta = model.InitialParameters(seed);
            var (h, g, hterm) = DenseSplit(objective, theta);
            var p = new CrossEntropy(temperature).Probabilities(objective.Logits(theta));
            var closed = SoftmaxRegression.CrossEntropyHessian(data.Inputs, p, temperature);
            ClaimAssert.Close("S1", $"H vs (1/N)Σ(diag p - ppᵀ)/T² ⊗ xxᵀ (D={features}, K={classes}, T={temperature})", h, closed, S1Constants.Rtol);
            ClaimAssert.Close("S1", "G-term vs the closed form", g, closed, S1Constants.Rtol);
            ClaimAssert.That("S1", hterm.norm().item<double>() <= S1Constants.HTermRtol * closed.norm().item<double>(), $"H-term of a linear model must vanish, ‖H-term‖ = {hterm.norm().item<double>():E3} > {S1Constants.HTermRtol} × {closed.norm().item<double>():E3}");
        });
    }

    // ---------- S2: rank of G, least squares ----------

    [ClaimProperty(MaxTest = S2Constants.RankCases)]
    [Claim("S2")]
    public Property S2_Gauss_Newton_rank_is_at_most_N_times_K_minus_1_so_H_has_at_least_P_minus_that_zero_G_eigenvalues()
    {
        return Prop.ForAll(Between(1, 6), Between(0, 1000), (samples, seed) =>
        {
            using var scope = torch.NewDisposeScope();
            var (model, data) = Fixtures.TinyReluNet(seed, samples);
            var objective = Fixtures.CrossEntropyObjective(model, data);
            var (_, g, _) = DenseSplit(objective, model.InitialParameters(seed));
            var eig = SymmetricEigen.Eigenvalues(g);
            double top = eig.Max(Math.Abs);
            int rank = eig.Count(l => Math.Abs(l) > S2Constants.RankCut * top);
            long bound = SoftmaxRegression.GaussNewtonRankBound(samples, model.Outputs, crossEntropy: true);
            ClaimAssert.That("S2", rank <= bound, $"rank G = {rank} exceeds N(K-1) = {bound} (N={samples}, P={model.ParameterCount})");
            ClaimAssert.That("S2", eig.Length - rank >= model.ParameterCount - bound, $"only {eig.Length - rank} zero eigenvalues, expected ≥ P - N(K-1) = {model.ParameterCount - bound}");
        });
    }

    [Test]
    [Claim("S2")]
    public void S2_the_rank_bound_is_attained_for_generic_data_and_is_N_times_K_for_squared_error()
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(6, new[] { 8 }, 3, Activation.LeakyReLU);     // P = 72; no dead units
        var data = SyntheticClusters.Generate(4, 6, 3, 5);
        var theta = model.InitialParameters(5);
        int Rank(Tensor m) { var e = SymmetricEigen.Eigenvalues(m); double top = e.Max(Math.Abs); return e.Count(l => Math.Abs(l) > S2Constants.RankCut * top); }
        var (_, gce, _) = DenseSplit(Fixtures.CrossEntropyObjective(model, data), theta);
        var targets = torch.randn(new long[] { 4, 3 }, generator: new torch.Generator(6));
        var regression = new Dataset(data.Inputs.clone(), targets, 3, "regression");
        var (_, gmse, _) = DenseSplit(new Objective(model, regression, new MeanSquaredError()), theta);
        TestContext.Out.WriteLine($"rank G: cross-entropy {Rank(gce)} (bound 8), squared error {Rank(gmse)} (bound 12)");
        Rank(gce).Should().Be(8, "[S2] generic data attains N(K-1)");
        Rank(gmse).Should().Be(12, "[S2] squared error: M = I has rank K, bound N·K");
    }

    [ClaimProperty(MaxTest = S2Constants.LeastSquaresCases)]
    [Claim("S2")]
    public Property S2_linear_least_squares_Hessian_is_I_kron_XᵀX_over_N_at_every_point()
    {
        return Prop.ForAll(Between(1, 6), Between(1, 3), Between(0, 1000), (features, outputs, seed) =>
        {
            using var scope = torch.NewDisposeScope();
            var gen = new torch.Generator((ulong)seed);
            int n = 2 + seed % 9;
            var x = torch.randn(new long[] { n, features }, generator: gen);
            var data = new Dataset(x, torch.randn(new long[] { n, outputs }, generator: gen), outputs, "least-squares");
            var model = new Mlp(features, Array.Empty<int>(), outputs);
            var theta = torch.randn(new[] { model.ParameterCount }, generator: gen);
            var (h, _, _) = DenseSplit(new Objective(model, data, new MeanSquaredError()), theta);
            ClaimAssert.Close("S2", $"least-squares H vs I_K ⊗ XᵀX/N (N={n}, D={features}, K={outputs})", h, SoftmaxRegression.LeastSquaresHessian(x, outputs), S2Constants.LeastSquaresRtol);
        });
    }

    // ---------- S3: MSE at interpolation ----------

    [ClaimProperty(MaxTest = S3Constants.PropertyCases)]
    [Claim("S3")]
    public Property S3_at_exact_interpolation_the_squared_error_Hessian_is_its_Gauss_Newton_term()
    {
        return Prop.ForAll(Between(0, 1000), Arb.From(Gen.Elements(Activation.Tanh, Activation.ReLU)), (seed, activation) =>
        {
            using var scope = torch.NewDisposeScope();
            var (model, data) = Fixtures.TinyReluNet(seed, 8, activation, bias: activation == Activation.Tanh);
            var theta = model.InitialParameters(seed);
            var inputs = data.Inputs.clone();
            var fitted = new Dataset(inputs, model.Forward(theta, inputs).detach(), 3, "interpolated");
            var (h, g, hterm) = DenseSplit(new Objective(model, fitted, new MeanSquaredError()), theta);
            ClaimAssert.Close("S3", $"H = G at interpolation ({model})", h, g, S3Constants.Rtol);
            ClaimAssert.That("S3", hterm.norm().item<double>() <= S3Constants.HTermRtol * h.norm().item<double>(), $"H-term {hterm.norm().item<double>():E3} should vanish (≤ {S3Constants.HTermRtol} × ‖H‖ = {S3Constants.HTermRtol * h.norm().item<double>():E3})");
        });
    }

    [Test]
    [Claim("S3")]
    [Category(Categories.NegativeControl)]
    public void S3_away_from_interpolation_the_residual_term_is_visible()
    {
        using var scope = torch.NewDisposeScope();
        var (model, data) = Fixtures.TinyReluNet(2, 8, Activation.Tanh, bias: true);
        var theta = model.InitialParameters(2);
        var inputs = data.Inputs.clone();
        var shifted = model.Forward(theta, inputs).detach() + torch.randn(new long[] { 8, 3 }, generator: new torch.Generator(3));
        var (h, g, _) = DenseSplit(new Objective(model, new Dataset(inputs, shifted, 3, "noisy"), new MeanSquaredError()), theta);
        double err = ClaimAssert.RelativeError(h, g);
        TestContext.Out.WriteLine($"‖H - G‖/‖G‖ with unit residuals: {err:E3}");
        ClaimAssert.That("S3", err > S3Constants.MinResidualGap, $"with non-zero residuals H - G should be visible, got {err:E3} ≤ {S3Constants.MinResidualGap}");
    }

    // ---------- S8: random-matrix facts ----------

    [ClaimProperty(MaxTest = S8Constants.PropertyCases)]
    [Claim("S8")]
    public Property S8_a_sample_covariance_with_P_greater_than_N_has_exactly_P_minus_N_zero_eigenvalues()
    {
        return Prop.ForAll(Between(1, 20), Between(1, 20), Between(0, 1000), (n, extra, seed) =>
        {
            using var scope = torch.NewDisposeScope();
            int p = n + extra;
            var eig = SymmetricEigen.Eigenvalues(MarchenkoPastur.SampleCovariance(n, p, seed));
            double top = eig.Max();
            int zeros = eig.Count(l => Math.Abs(l) <= S8Constants.ZeroRtol * top);
            zeros.Should().Be(p - n, $"[S8] XᵀX/N with N={n} < P={p} has rank N");
        });
    }

    [Test]
    [Claim("S8")]
    public void S8_Marchenko_Pastur_density_is_a_probability_law_with_the_right_mean()
    {
        foreach (double a in new[] { 0.1, 0.25, 0.5, 1.0, 2.0, 4.0 })
        {
            var mp = new MarchenkoPastur(a, 1.7);
            ClaimAssert.Close("S8", $"MP total mass (a={a})", mp.CumulativeDistribution(mp.Upper + 1), 1, S8Constants.MassRtol);
            // mean eigenvalue of XᵀX/N is σ² (trace / P), atom included
            int panels = 20000;
            double step = (mp.Upper - mp.Lower) / panels, mean = 0;
            for (int i = 0; i < panels; i++) { double x = mp.Lower + (i + 0.5) * step; mean += x * mp.Density(x) * step; }
            ClaimAssert.Close("S8", $"MP mean (a={a})", mean, 1.7, S8Constants.MeanRtol);
        }
    }

    [Test]
    [Claim("S8")]
    [Category(Categories.Statistical)]
    public void S8_sample_spectra_converge_to_Marchenko_Pastur_support_and_distribution()
    {
        // Margins from 29 seed offsets (specs/S8): P = 400 edge error ≤ 0.046 (the lower edge 0.25 moves by Tracy-Widom
        // fluctuations of ~1.5% relative), KS 0.0057-0.0100 at P = 400 against 0.031-0.057 at P = 50. The edge error of
        // one draw is too noisy to shrink monotonically (at P = 50 it was below P = 400's on one offset); the KS does.
        SagunMonteCarlo.S8Spectra(SeedOffset.Apply).AssertClaim("S8");
    }

    [Test]
    [Claim("S8")]
    [Category(Categories.NegativeControl)]
    public void S8_spectra_of_a_non_isotropic_population_fail_the_Marchenko_Pastur_check()
    {
        SagunMonteCarlo.S8Spectra(SeedOffset.Apply).AssertNullFails("S8", $"population variances 1 ∓ {S8Constants.NullVarianceSpread}");
    }

    [Test]
    [Claim("S8")]
    [Category(Categories.Statistical)]
    public void S8_BBP_a_spike_above_root_a_pops_out_of_the_bulk_and_one_below_sticks_to_the_edge()
    {
        const double a = S8Constants.AspectRatio;
        SpikedCovariance.BbpThreshold(a).Should().Be(0.5, "[S8] the BBP threshold is √a = √{0} = 0.5", a);
        foreach (var (spike, expected) in new[] { (2.0, 3.375), (0.3, 2.25) })
            SpikedCovariance.TopEigenvalueLimit(spike, a).Should().BeApproximately(expected, S8Constants.LimitRtol, "[S8] the limit of the top eigenvalue for spike {0}, a = {1}", spike, a);
        // 8 draws: the top eigenvalue of one draw fluctuates by ~3% (sd); with 4 draws the 4% tolerance was 2.7 sd
        // and failed at seed offset 5 (4.03%). Calibration in specs/S8.
        SagunMonteCarlo.S8Bbp(SeedOffset.Apply).AssertClaim("S8");
    }

    [Test]
    [Claim("S8")]
    [Category(Categories.NegativeControl)]
    public void S8_BBP_top_eigenvalues_are_not_the_population_values()
    {
        SagunMonteCarlo.S8Bbp(SeedOffset.Apply).AssertNullFails("S8", "the population value 1 + ℓ");
    }

    // ---------- S9: random initializations are nearly orthogonal ----------

    [TestCase(false)]
    [TestCase(true)]
    [Claim("S9")]
    [Category(Categories.Statistical)]
    public void S9_cosine_of_two_initializations_is_normal_with_variance_one_over_the_participation_ratio(bool kaiming)
    {
        // Equal variances (isotropic): cos ~ N(0, 1/P). Kaiming layers with different fan-ins: N(0, 1/P_eff), P_eff < P.
        SagunMonteCarlo.S9(kaiming, SeedOffset.Apply).AssertClaim("S9");
    }

    [TestCase(false)]
    [TestCase(true)]
    [Claim("S9")]
    [Category(Categories.NegativeControl)]
    public void S9_dependent_pairs_or_the_variance_one_over_P_fail_the_cosine_check(bool kaiming)
    {
        SagunMonteCarlo.S9(kaiming, SeedOffset.Apply).AssertNullFails("S9", kaiming ? "variance 1/P" : "pairs sharing ⌈√P⌉ entries");
    }
}
