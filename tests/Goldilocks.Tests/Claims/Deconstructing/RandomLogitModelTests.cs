
namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G13 (Eq. 7-8, App. B) and G14 (Eq. 9) in the random logit model of Sec. 4.</summary>
public sealed class RandomLogitModelTests
{
    private static readonly double[] Logits = { 1.0, 0.2, -0.5, 0.3 };

    /// <summary>Largest |mean − expected| / standard error over the entries of a sample of tensors.</summary>
    private static double MaxZ(IReadOnlyList<Tensor> draws, Tensor expected)
    {
        var stack = torch.stack(draws, 0);
        var mean = stack.mean(new long[] { 0 });
        var se = stack.std(0) / Math.Sqrt(draws.Count);
        var z = (mean - expected).abs() / torch.clamp_min(se, 1e-300);
        return z.max().item<double>();
    }

    /// <summary>One-hot p (Γ undefined) is discarded, not passed: at most <see cref="G13Constants.MaxDiscards"/>
    /// discards per <see cref="G13Constants.PropertyCases"/> cases (FsCheck gives up, and the test fails, beyond that).</summary>
    private static bool OneHot(IReadOnlyList<double> p) => p.Count(x => x > 0) < 2;

    [Claim("G13")]
    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = G13Constants.PropertyCases, MaxFail = G13Constants.MaxDiscards)]
    public FsCheck.Property Eq8_is_the_positive_curvature_of_Eq7_and_App_B_its_spectrum(ProbabilityCase c, FsCheck.PositiveInt extra, int seed) =>
        FsCheck.Fluent.Prop.When(!OneHot(c.P), () => CheckEq8AndAppB(c, extra, seed));

    private static void CheckEq8AndAppB(ProbabilityCase c, FsCheck.PositiveInt extra, int seed)
    {
        var p = c.P;
        using var scope = torch.NewDisposeScope();
        int d = p.Length + extra.Get % 6;
        double sc = 0.2 + (extra.Get % 7) / 5.0, se = (seed & 7) / 4.0;
        using var model = new RandomLogitModel(p.Length, d, sc, se, seed);
        var eg = model.ExpectedGTerm(p);
        string where = $"{c}, d = {d}, σ_c = {sc}, σ_e = {se}";
        ClaimAssert.Close("G13", $"Eq. 8 vs Tr/‖·‖_F of Eq. 7, {where}", model.ExpectedPositiveCurvature(p), PositiveCurvature.Of(eg), G13Constants.Eq8Rtol);
        var actual = SymmetricEigen.Eigenvalues(eg).Reverse().ToArray();
        var predicted = model.ExpectedGTermEigenvalues(p);
        double scale = actual.Max(Math.Abs);
        for (int i = 0; i < d; i++)
            ClaimAssert.That("G13", Math.Abs(actual[i] - predicted[i]) <= G13Constants.SpectrumRtol * scale, $"App. B eigenvalue {i}: {actual[i]:R} vs {predicted[i]:R} (difference {Math.Abs(actual[i] - predicted[i]):E3} > {G13Constants.SpectrumRtol} × {scale:E3}), {where}");
    }

    [Claim("G13")]
    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = G13Constants.PropertyCases, MaxFail = G13Constants.MaxDiscards)]
    public FsCheck.Property Eq8_increases_with_d_and_is_largest_at_uniform_p(ProbabilityCase c, FsCheck.PositiveInt d) =>
        FsCheck.Fluent.Prop.When(!OneHot(c.P), () => CheckEq8Monotone(c, d));

    private static void CheckEq8Monotone(ProbabilityCase c, FsCheck.PositiveInt d)
    {
        var p = c.P;
        double gamma = SoftmaxCovariance.Gamma(p), gammaUniform = Math.Sqrt(p.Length - 1);
        int dim = p.Length + d.Get % 50;
        double pc = RandomLogitModel.ExpectedPositiveCurvature(dim, 0.5, 0.3, gamma);
        double pcNext = RandomLogitModel.ExpectedPositiveCurvature(dim + 1, 0.5, 0.3, gamma);
        double pcUniform = RandomLogitModel.ExpectedPositiveCurvature(dim, 0.5, 0.3, gammaUniform);
        ClaimAssert.That("G13", pcNext > pc, $"Eq. 8 not increasing in d: {pc:R} at d = {dim}, {pcNext:R} at d + 1, {c}");
        ClaimAssert.That("G13", pcUniform >= pc * (1 - G13Constants.UniformRtol), $"Eq. 8 at uniform p ({pcUniform:R}) below {pc:R} (relative slack {G13Constants.UniformRtol}) for {c}");
    }

    [Claim("G13")]
    [TestCase(11)]
    [Category(Categories.Statistical)]
    public void Monte_Carlo_mean_of_G_matches_Eq7(long seed)
    {
        using var scope = torch.NewDisposeScope();
        var (draws, eq7, _) = GTermDraws(SeedOffset.Apply(seed));
        double z = MaxZ(draws, eq7);
        TestContext.Out.WriteLine($"[G13] max |z| over entries = {z:F2} (seed {seed}, {G13Constants.Draws} draws)");
        ClaimAssert.That("G13", z < G13Constants.ZBound, $"Monte Carlo mean of G differs from Eq. 7: max |z| = {z:F2} ≥ {G13Constants.ZBound}");
    }

    /// <summary>Negative control: Eq. 7 without its noise term (1 − ‖p‖²)σ_e² I is far outside the Monte Carlo
    /// error of the same draws.</summary>
    [Claim("G13")]
    [Test]
    [Category(Categories.NegativeControl)]
    public void Eq7_without_the_noise_term_fails_the_Monte_Carlo_mean()
    {
        using var scope = torch.NewDisposeScope();
        var (draws, eq7, withoutNoise) = GTermDraws(SeedOffset.Apply(11L));
        double z = MaxZ(draws, withoutNoise);
        TestContext.Out.WriteLine($"[G13] Eq. 7 without (1 − ‖p‖²)σ_e² I = {(eq7 - withoutNoise)[0, 0].item<double>():F4} I: max |z| = {z:F2}");
        ClaimAssert.That("G13", z >= G13Constants.ZBound, $"Eq. 7 without its noise term must fail: max |z| = {z:F2} < {G13Constants.ZBound}");
    }

    [Claim("G14")]
    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = G14Constants.PropertyCases)]
    public void Noise_free_batch_gradient_is_Eq9_and_its_norm_is_sigma_c_sqrt_d_times_distance(BatchCase b, int seed)
    {
        using var scope = torch.NewDisposeScope();
        var rows = b.P;
        int k = rows[0].Count, d = k + 3;
        var labels = rows.Select((_, mu) => (mu * 7 + seed) % k).Select(y => y < 0 ? y + k : y).ToArray();
        double sc = 0.3 + (seed & 3);
        using var model = new RandomLogitModel(k, d, sc, 0.0, seed);
        var (qhat, q) = RandomLogitModel.Priors(rows, labels, k);
        var sample = model.SampleBatchGradient(rows, labels, new torch.Generator(1));
        var expected = model.ExpectedBatchGradient(qhat, q);
        string where = $"{b}, labels [{string.Join(", ", labels)}], σ_c = {sc}, d = {d}";
        ClaimAssert.That("G14", (sample - expected).norm().item<double>() <= G14Constants.NoiseFreeRtol * sc * Math.Sqrt(d),
            $"σ_e = 0 batch gradient differs from Σ c_k(Q̂_k − Q_k) by {(sample - expected).norm().item<double>():E3} > {G14Constants.NoiseFreeRtol} σ_c√d = {G14Constants.NoiseFreeRtol * sc * Math.Sqrt(d):E3}, {where}");
        double norm = expected.norm().item<double>();
        ClaimAssert.That("G14", Math.Abs(norm - model.ExpectedGradientNorm(qhat, q)) <= G14Constants.NormRtol * (1 + norm),
            $"‖E∇L‖ = {norm:R} vs σ_c√d‖Q̂ − Q‖ = {model.ExpectedGradientNorm(qhat, q):R}, {where}; NormRtol = {G14Constants.NormRtol}");
    }

    /// <summary>The random logit model of Sec. 4 built on the test side: orthogonal c_k with ‖c_k‖² = dσ_c² (QR of a
    /// Gaussian matrix), residuals e_k^μ ~ N(0, σ_e² I_d), and the batch gradient (1/B)Σ_μΣ_k(c_k + e_k^μ)(p_k^μ − 1{y^μ = k})
    /// averaged over <paramref name="draws"/> residual draws. Returns the norm of the Monte Carlo mean and its error scale
    /// √(Σ_j Var_j / draws) (the norm of the mean moves by at most about this much).</summary>
    private static (double Norm, double Error, double[] QHat, double[] Q) MonteCarloGradientNorm(
        IReadOnlyList<IReadOnlyList<double>> rows, int[] labels, int d, double sigmaC, double sigmaE, int draws, long seed)
    {
        using var scope = torch.NewDisposeScope();
        int k = rows[0].Count, b = rows.Count;
        var gen = new torch.Generator((ulong)seed);
        var (qr, _) = torch.linalg.qr(torch.randn(new long[] { d, k }, torch.float64, generator: gen));
        var c = qr.t() * (sigmaC * Math.Sqrt(d));                                          // [K, d], c_k orthogonal, ‖c_k‖² = dσ_c²
        var residual = torch.tensor(rows.SelectMany((r, mu) => r.Select((x, j) => x - (labels[mu] == j ? 1.0 : 0.0))).ToArray(), new long[] { b, k }, torch.float64);
        var e = torch.randn(new long[] { draws, b, k, d }, torch.float64, generator: gen) * sigmaE;
        var perDraw = torch.einsum("nbkd,bk->nd", e + c.unsqueeze(0).unsqueeze(0), residual) / b;  // [draws, d]
        double norm = perDraw.mean(new long[] { 0 }).norm().item<double>();
        double error = Math.Sqrt(perDraw.var(0).sum().item<double>() / draws);
        var qhat = Enumerable.Range(0, k).Select(j => rows.Average(r => r[j])).ToArray();
        var q = Enumerable.Range(0, k).Select(j => labels.Count(y => y == j) / (double)b).ToArray();
        return (norm, error, qhat, q);
    }

    private static readonly IReadOnlyList<double>[] G14Rows = { SoftmaxCovariance.Softmax(new[] { 1.0, 0.2, -0.5, 0.3 }), SoftmaxCovariance.Softmax(new[] { 0.0, 1.0, 0.0, -1.0 }), new[] { 0.25, 0.25, 0.25, 0.25 } };
    private static readonly int[] G14Labels = { 0, 0, 3 };

    /// <summary>Eq. 9's norm against an independent Monte Carlo oracle of the random logit model: the corrected form
    /// σ_c√d‖Q̂ − Q‖ (library) lies within 5 error scales of the norm of the simulated mean gradient.</summary>
    [Test]
    [Claim("G14")]
    [Category(Categories.Statistical)]
    public void Eq9_norm_sigma_c_sqrt_d_times_distance_matches_a_Monte_Carlo_oracle()
    {
        var (norm, error, qhat, q) = MonteCarloGradientNorm(G14Rows, G14Labels, G14Constants.Dimension, G14Constants.SigmaC, G14Constants.SigmaE, G14Constants.Draws, SeedOffset.Apply(23));
        using var model = new RandomLogitModel(4, G14Constants.Dimension, G14Constants.SigmaC, G14Constants.SigmaE, 5);
        double corrected = model.ExpectedGradientNorm(qhat, q), printed = model.PaperPrintedGradientNorm(qhat, q);
        TestContext.Out.WriteLine($"Monte Carlo ‖E∇L‖ = {norm:F5} ± {error:F5}; σ_c√d‖Q̂ − Q‖ = {corrected:F5}; printed dσ_c²‖Q̂ − Q‖ = {printed:F5}");
        ClaimAssert.That("G14", Math.Abs(norm - corrected) <= G14Constants.ErrorBound * error,
            $"Monte Carlo ‖E∇L‖ = {norm:F5} vs σ_c√d‖Q̂ − Q‖ = {corrected:F5}: off by {Math.Abs(norm - corrected) / error:F1} error scales ({error:E2}; bound {G14Constants.ErrorBound})");
    }

    /// <summary>Negative control: the norm as printed in the paper, dσ_c²‖Q̂ − Q‖, is σ_c√d = 1.71 times the oracle and
    /// fails the same check.</summary>
    [Test]
    [Claim("G14")]
    [Category(Categories.NegativeControl)]
    public void The_printed_d_sigma_c_squared_norm_fails_against_the_Monte_Carlo_oracle()
    {
        var (norm, error, qhat, q) = MonteCarloGradientNorm(G14Rows, G14Labels, G14Constants.Dimension, G14Constants.SigmaC, G14Constants.SigmaE, G14Constants.Draws, SeedOffset.Apply(23));
        using var model = new RandomLogitModel(4, G14Constants.Dimension, G14Constants.SigmaC, G14Constants.SigmaE, 5);
        double printed = model.PaperPrintedGradientNorm(qhat, q);
        TestContext.Out.WriteLine($"Monte Carlo ‖E∇L‖ = {norm:F5} ± {error:F5}; printed dσ_c²‖Q̂ − Q‖ = {printed:F5} ({Math.Abs(norm - printed) / error:F1} error scales)");
        ClaimAssert.That("G14", Math.Abs(norm - printed) > G14Constants.ErrorBound * error,
            $"the printed dσ_c²‖Q̂ − Q‖ = {printed:F5} must miss the Monte Carlo ‖E∇L‖ = {norm:F5} by more than {G14Constants.ErrorBound} × {error:E2}");
    }

    [Claim("G14")]
    [TestCase(21)]
    [Category(Categories.Statistical)]
    public void Monte_Carlo_mean_of_the_noisy_batch_gradient_matches_Eq9(long seed)
    {
        using var scope = torch.NewDisposeScope();
        var (draws, eq9) = NoisyBatchGradient(SeedOffset.Apply(seed));
        double z = MaxZ(draws, eq9);
        TestContext.Out.WriteLine($"[G14] max |z| over entries = {z:F2} (seed {seed}, {G14Constants.Draws} draws)");
        ClaimAssert.That("G14", z < G14Constants.ZBound, $"Monte Carlo mean of the batch gradient differs from Eq. 9: max |z| = {z:F2} ≥ {G14Constants.ZBound}");
    }

    /// <summary>The G14 noisy-batch negative control: the same draws against E∇L = 0, i.e. Eq. 9 with its prior mismatch
    /// removed (what the mean would be if the batch gradient were pure noise), are far outside the Monte Carlo error.</summary>
    [Claim("G14")]
    [Test]
    [Category(Categories.NegativeControl)]
    public void A_zero_expected_gradient_fails_the_Monte_Carlo_mean_of_the_noisy_batch_gradient()
    {
        using var scope = torch.NewDisposeScope();
        var (draws, expected) = NoisyBatchGradient(SeedOffset.Apply(21L));
        double z = MaxZ(draws, torch.zeros_like(expected));
        TestContext.Out.WriteLine($"[G14] E∇L = 0 instead of Eq. 9 (‖Eq. 9‖ = {expected.norm().item<double>():F4}): max |z| = {z:F2}");
        ClaimAssert.That("G14", z >= G14Constants.ZBound, $"a zero expected gradient must fail the Monte Carlo mean: max |z| = {z:F2} < {G14Constants.ZBound}");
    }

    /// <summary>The draws of the G13 Monte Carlo check at <paramref name="seed"/>: G-term samples, Eq. 7, and Eq. 7
    /// without its noise term (the null model).</summary>
    private static (List<Tensor> Draws, Tensor Eq7, Tensor WithoutNoise) GTermDraws(long seed)
    {
        var p = SoftmaxCovariance.Softmax(Logits);
        using var model = new RandomLogitModel(4, 6, 0.7, 0.5, 3);
        var gen = new torch.Generator((ulong)seed);
        var draws = Enumerable.Range(0, G13Constants.Draws).Select(_ => model.SampleGTerm(p, gen)).ToList();
        double noise = (1 - p.Sum(x => x * x)) * 0.5 * 0.5;
        var eq7 = model.ExpectedGTerm(p);
        return (draws, eq7, eq7 - noise * torch.eye(6, dtype: torch.float64));
    }

    /// <summary>The draws of the G14 noisy-batch Monte Carlo check at <paramref name="seed"/> and Eq. 9.</summary>
    private static (List<Tensor> Draws, Tensor Eq9) NoisyBatchGradient(long seed)
    {
        var rows = new IReadOnlyList<double>[] { SoftmaxCovariance.Softmax(Logits), SoftmaxCovariance.Softmax(new[] { 0.0, 1.0, 0.0, -1.0 }), new[] { 0.25, 0.25, 0.25, 0.25 } };
        var labels = new[] { 0, 0, 3 };
        using var model = new RandomLogitModel(4, 6, 0.7, 0.9, 5);
        var (qhat, q) = RandomLogitModel.Priors(rows, labels, 4);
        var gen = new torch.Generator((ulong)seed);
        return (Enumerable.Range(0, G14Constants.Draws).Select(_ => model.SampleBatchGradient(rows, labels, gen)).ToList(), model.ExpectedBatchGradient(qhat, q));
    }

    /// <summary>
    /// Power and null pass probability of the three Monte Carlo checks (specs G13, G14), at the seeds the seed sweep gives
    /// them (sweep offsets 0..NULL_OFFSETS−1, default 300): per offset the check's statistic against the claim's value and
    /// against its null model (G13: Eq. 7 without the noise term; G14 batch mean: E∇L = 0; G14 norm: the printed
    /// dσ_c²‖Q̂ − Q‖). Run: <c>dotnet test tests/Goldilocks.Tests -c Release --filter "FullyQualifiedName~Monte_carlo_power_and_null" --logger "console;verbosity=detailed"</c>.
    /// </summary>
    [Claim("G13")]
    [Claim("G14")]
    [Explicit("calibration: prints the Monte Carlo statistics under the claim and under the null at 300 sweep offsets")]
    [Test]
    public void Monte_carlo_power_and_null()
    {
        int offsets = NullModel.Offsets(300);
        var rows = new List<(double G13, double G13Null, double G14, double G14Null, double Norm, double NormNull)>();
        for (int k = 0; k < offsets; k++)
        {
            using var scope = torch.NewDisposeScope();
            var (g, eq7, without) = GTermDraws(NullModel.AtOffset(11, k));
            var (b, eq9) = NoisyBatchGradient(NullModel.AtOffset(21, k));
            var (norm, error, qhat, q) = MonteCarloGradientNorm(G14Rows, G14Labels, G14Constants.Dimension, G14Constants.SigmaC, G14Constants.SigmaE, G14Constants.Draws, NullModel.AtOffset(23, k));
            using var model = new RandomLogitModel(4, G14Constants.Dimension, G14Constants.SigmaC, G14Constants.SigmaE, 5);
            rows.Add((MaxZ(g, eq7), MaxZ(g, without), MaxZ(b, eq9), MaxZ(b, torch.zeros_like(eq9)),
                Math.Abs(norm - model.ExpectedGradientNorm(qhat, q)) / error, Math.Abs(norm - model.PaperPrintedGradientNorm(qhat, q)) / error));
        }
        void Line(string what, Func<(double G13, double G13Null, double G14, double G14Null, double Norm, double NormNull), double> claim,
            Func<(double G13, double G13Null, double G14, double G14Null, double Norm, double NormNull), double> nul, double bound) =>
            TestContext.Out.WriteLine($"{what}: claim {rows.Count(r => claim(r) < bound)}/{offsets} below {bound} (max {rows.Max(claim):F2}, median {Statistics.Quantile(rows.Select(claim).ToList(), 0.5):F2}); "
                + $"null {rows.Count(r => nul(r) < bound)}/{offsets} below (min {rows.Min(nul):F2}, median {Statistics.Quantile(rows.Select(nul).ToList(), 0.5):F2})");
        Line("G13 max |z| vs Eq. 7 | null: without the noise term", r => r.G13, r => r.G13Null, G13Constants.ZBound);
        Line("G14 max |z| vs Eq. 9 | null: E∇L = 0", r => r.G14, r => r.G14Null, G14Constants.ZBound);
        Line("G14 norm error scales vs σ_c√d‖Q̂ − Q‖ | null: printed dσ_c²‖Q̂ − Q‖", r => r.Norm, r => r.NormNull, G14Constants.ErrorBound);
    }
}
