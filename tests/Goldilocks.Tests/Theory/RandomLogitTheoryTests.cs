namespace Goldilocks.Tests.Theory;

/// <summary>
/// The random logit model of paper 000 Sec. 4 (<see cref="RandomLogitModel"/>), checked exactly rather than in
/// distribution: the class means against their defining properties (C Cᵀ = dσ_c² I), Eq. 7 and Eq. 9 against dense
/// loops over the means written out in the test, the App. B eigenvalues and Eq. 8 against closed forms worked out by
/// hand, and the Monte Carlo draws against the same loops fed with the residuals redrawn from an identically seeded
/// generator (one N(0, 1) [K, d] block per draw, times σ_e). The argument checks are held to their exception type,
/// parameter name and message.
/// </summary>
public sealed class RandomLogitTheoryTests
{
    private const int K = 3, D = 5;
    private const double SigmaC = 2, SigmaE = 0.5;
    private static readonly double[] P532 = [0.5, 0.3, 0.2];

    private static RandomLogitModel Model(double sigmaE = SigmaE, int seed = 11) => new(K, D, SigmaC, sigmaE, seed);

    /// <summary>Row k of C as plain arrays.</summary>
    private static double[][] MeansOf(RandomLogitModel model)
    {
        var flat = model.Means.data<double>().ToArray();
        return Enumerable.Range(0, model.Classes).Select(k => flat.AsSpan(k * model.Dimension, model.Dimension).ToArray()).ToArray();
    }

    /// <summary>diag(p) − ppᵀ written out.</summary>
    private static double[,] Hand(IReadOnlyList<double> p)
    {
        var m = new double[p.Count, p.Count];
        for (int i = 0; i < p.Count; i++) for (int j = 0; j < p.Count; j++) m[i, j] = (i == j ? p[i] : 0) - p[i] * p[j];
        return m;
    }

    /// <summary>Σ_kl J_ka M_kl J_lb for J [K][d].</summary>
    private static double[,] Sandwich(double[][] j, double[,] m)
    {
        int k = j.Length, d = j[0].Length;
        var g = new double[d, d];
        for (int a = 0; a < d; a++) for (int b = 0; b < d; b++)
            for (int r = 0; r < k; r++) for (int s = 0; s < k; s++) g[a, b] += j[r][a] * m[r, s] * j[s][b];
        return g;
    }

    /// <summary>The residual block one draw takes from <paramref name="generator"/>: N(0, 1) [K, d] × σ_e.</summary>
    private static double[][] Residual(torch.Generator generator, double sigmaE)
    {
        using var z = torch.randn(new long[] { K, D }, dtype: ScalarType.Float64, generator: generator);
        var flat = z.data<double>().ToArray();
        return Enumerable.Range(0, K).Select(k => Enumerable.Range(0, D).Select(a => flat[k * D + a] * sigmaE).ToArray()).ToArray();
    }

    private static void AssertClose(Tensor actual, double[,] expected, double rtol, string what)
    {
        var flat = actual.data<double>().ToArray();
        int d = expected.GetLength(1);
        double scale = expected.Cast<double>().Max(Math.Abs);
        Assert.That(flat.Length, Is.EqualTo(expected.Length), $"{what}: size");
        for (int i = 0; i < flat.Length; i++)
            Assert.That(flat[i], Is.EqualTo(expected[i / d, i % d]).Within(rtol * scale), $"{what}: entry ({i / d}, {i % d}) = {flat[i]:R}, expected {expected[i / d, i % d]:R} (scale {scale:E3})");
    }

    [Test]
    public void Means_are_K_orthogonal_rows_of_squared_norm_d_sigma_c_squared_fixed_by_the_seed()
    {
        using var model = Model();
        Assert.That((model.Classes, model.Dimension, model.SigmaC, model.SigmaE), Is.EqualTo((K, D, SigmaC, SigmaE)), "properties echo the arguments");
        Assert.That(model.Means.shape, Is.EqualTo(new long[] { K, D }), $"C is [K, d], got [{string.Join(", ", model.Means.shape)}]");
        var c = MeansOf(model);
        // Householder QR gives orthonormal columns to ~1e-15; scaled by dσ_c² = 20.
        for (int i = 0; i < K; i++)
            for (int j = 0; j < K; j++)
            {
                double dot = Enumerable.Range(0, D).Sum(a => c[i][a] * c[j][a]);
                Assert.That(dot, Is.EqualTo(i == j ? D * SigmaC * SigmaC : 0).Within(1e-13), $"c_{i}·c_{j} = {dot:R}, expected {(i == j ? "dσ_c² = 20" : "0")}");
            }
        using var same = Model();
        Assert.That(same.Means.data<double>().ToArray(), Is.EqualTo(model.Means.data<double>().ToArray()), "the same seed gives the same means");
        using var other = Model(seed: 12);
        Assert.That(other.Means.data<double>().ToArray(), Is.Not.EqualTo(model.Means.data<double>().ToArray()), "another seed gives other means");
        // d = K is allowed (K orthogonal means fit exactly), and σ_e = 0 too.
        using var square = new RandomLogitModel(2, 2, 1, 0, 1);
        Assert.That(square.Means.shape, Is.EqualTo(new long[] { 2, 2 }), "d = K = 2");
    }

    [Test]
    public void Dispose_releases_the_means()
    {
        var model = Model();
        var means = model.Means;
        model.Dispose();
        Assert.That(means.IsInvalid, Is.True, "C is disposed with the model");
    }

    [Test]
    public void Constructor_refuses_K_below_2_d_below_K_and_bad_scales()
    {
        Assert.That(() => new RandomLogitModel(1, 3, 1, 1, 0),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("K must be ≥ 2").And.Property("ParamName").EqualTo("classes"), "K = 1");
        Assert.That(() => new RandomLogitModel(3, 2, 1, 1, 0),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("d must be ≥ K = 3 to hold K orthogonal means").And.Property("ParamName").EqualTo("dimension"), "d = 2 < K = 3");
        foreach (double sc in new[] { 0.0, -1.0, double.NaN, double.PositiveInfinity })
            Assert.That(() => new RandomLogitModel(2, 2, sc, 1, 0),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("sigmaC must be a positive finite number"), $"σ_c = {sc}");
        foreach (double se in new[] { -1.0, double.NaN, double.PositiveInfinity })
            Assert.That(() => new RandomLogitModel(2, 2, 1, se, 0),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("σ_e must be finite and ≥ 0").And.Property("ParamName").EqualTo("sigmaE"), $"σ_e = {se}");
    }

    [Test]
    public void Expected_G_term_is_C_transposed_M_C_plus_the_bulk_on_the_diagonal()
    {
        using var model = Model();
        var c = MeansOf(model);
        var expected = Sandwich(c, Hand(P532));
        double bulk = 0.62 * SigmaE * SigmaE; // (1 − ‖p‖²)σ_e² = 0.62·0.25
        for (int a = 0; a < D; a++) expected[a, a] += bulk;
        using var g = model.ExpectedGTerm(P532);
        // Sums of 9 products of entries ≤ 2√5 with M ≤ 0.25: round-off ~1e-15 of the largest entry.
        AssertClose(g, expected, 1e-14, "E G (Eq. 7)");
    }

    [Test]
    public void Expected_G_term_eigenvalues_are_the_App_B_closed_form()
    {
        using var model = Model();
        // Uniform K = 3: M has eigenvalues 1/3, 1/3, 0 and Tr M = 2/3, so bulk = (2/3)(1/4) = 1/6 and the top K − 1
        // eigenvalues are 1/6 + dσ_c²/3 = 1/6 + 20/3 = 41/6; the other d − K + 1 = 3 are 1/6.
        var lambda = model.ExpectedGTermEigenvalues([1.0 / 3, 1.0 / 3, 1.0 / 3]);
        Assert.That(lambda, Is.EqualTo(new[] { 41.0 / 6, 41.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6 }).Within(1e-14),
            $"App. B eigenvalues, uniform p: [{string.Join(", ", lambda)}]");
    }

    [Test]
    public void With_no_residual_noise_the_tail_of_the_App_B_spectrum_is_exactly_zero()
    {
        using var model = Model(sigmaE: 0);
        // σ_e = 0: bulk = 0. The top two are dσ_c² λ(M) = 20(0.62 ± √0.0244)/2 (λ₁ + λ₂ = Tr M = 0.62, λ₁² + λ₂² =
        // ‖M‖_F² = 0.2044, see SoftmaxCovarianceTests); the remaining d − K + 1 = 3 are bulk = 0 exactly (M's null
        // eigenvalue, which eigvalsh returns only to round-off, is not among them).
        var lambda = model.ExpectedGTermEigenvalues(P532);
        double root = Math.Sqrt(0.0244);
        Assert.That(lambda.Length, Is.EqualTo(D), "d eigenvalues");
        Assert.That(lambda[0], Is.EqualTo(10 * (0.62 + root)).Within(1e-13), $"λ₁ = {lambda[0]:R}");
        Assert.That(lambda[1], Is.EqualTo(10 * (0.62 - root)).Within(1e-13), $"λ₂ = {lambda[1]:R}");
        Assert.That(lambda.Skip(K - 1), Is.All.EqualTo(0.0), $"tail [{string.Join(", ", lambda.Skip(K - 1).Select(v => v.ToString("R")))}] must be exactly 0");
    }

    [Test]
    public void Eq_8_by_hand_and_as_Tr_over_Frobenius_of_Eq_7()
    {
        // d = 1, σ_c² = ½, σ_e² = ¼, Γ = 1: 1·(¾)/√(1/16 + ¼ + ¼) = ¾/¾ = 1, every step exact in binary.
        Assert.That(RandomLogitModel.ExpectedPositiveCurvature(1, 0.5, 0.25, 1), Is.EqualTo(1.0), "d = 1 hand value");
        // d = 4, σ_c² = 1, σ_e² = 0, Γ = 2: 2·1/√(4/4) = 2.
        Assert.That(RandomLogitModel.ExpectedPositiveCurvature(4, 1, 0, 2), Is.EqualTo(2.0), "σ_e = 0 hand value");
        // d = 9, σ_c² = 0: 3σ_e²/√σ_e⁴ = 3.
        Assert.That(RandomLogitModel.ExpectedPositiveCurvature(9, 0, 0.5, 1.5), Is.EqualTo(3.0), "σ_c = 0 hand value");
        // d = 4, σ_c² = σ_e² = 1, Γ = 1: 2·2/√(1 + 2 + 4) = 4/√7.
        double v = RandomLogitModel.ExpectedPositiveCurvature(4, 1, 1, 1);
        Assert.That(v, Is.EqualTo(4 / Math.Sqrt(7)).Within(4e-16), $"4/√7 hand value, got {v:R}");
        // The instance form at p = (0.5, 0.3, 0.2) is Tr/‖·‖_F of E G, summed here from the dense loops (Eq. 8 is exact
        // for Eq. 7, so only round-off separates them).
        using var model = Model();
        var g = Sandwich(MeansOf(model), Hand(P532));
        double bulk = 0.62 * SigmaE * SigmaE, trace = 0, sq = 0;
        for (int a = 0; a < D; a++) g[a, a] += bulk;
        for (int a = 0; a < D; a++) { trace += g[a, a]; for (int b = 0; b < D; b++) sq += g[a, b] * g[a, b]; }
        double expected = trace / Math.Sqrt(sq), actual = model.ExpectedPositiveCurvature(P532);
        Assert.That(actual, Is.EqualTo(expected).Within(1e-13 * expected), $"Eq. 8 {actual:R} vs Tr/‖·‖_F of Eq. 7 {expected:R}");
    }

    [Test]
    public void Eq_8_refuses_d_below_1_and_a_gamma_that_is_not_positive_finite()
    {
        Assert.That(() => RandomLogitModel.ExpectedPositiveCurvature(0, 1, 1, 1),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("d must be ≥ 1").And.Property("ParamName").EqualTo("dimension"), "d = 0");
        foreach (double gamma in new[] { 0.0, -1.0, double.NaN, double.PositiveInfinity })
            Assert.That(() => RandomLogitModel.ExpectedPositiveCurvature(3, 1, 1, gamma),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("gamma must be a positive finite number"), $"Γ = {gamma}");
        // Negative or non-finite variances used to give NaN silently, and σ_c² = σ_e² = 0 gave 0/0 = NaN.
        foreach (double v in new[] { -1.0, double.NaN, double.PositiveInfinity })
        {
            Assert.That(() => RandomLogitModel.ExpectedPositiveCurvature(3, v, 1, 1),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("σ_c² must be finite and ≥ 0").And.Property("ParamName").EqualTo("sigmaC2"), $"σ_c² = {v}");
            Assert.That(() => RandomLogitModel.ExpectedPositiveCurvature(3, 1, v, 1),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("σ_e² must be finite and ≥ 0").And.Property("ParamName").EqualTo("sigmaE2"), $"σ_e² = {v}");
        }
        Assert.That(() => RandomLogitModel.ExpectedPositiveCurvature(3, 0, 0, 1),
            Throws.ArgumentException.With.Message.Contains("Eq. 8 is 0/0 when σ_c² = σ_e² = 0"), "σ_c² = σ_e² = 0");
    }

    [Test]
    public void A_G_term_draw_is_C_plus_E_transposed_M_C_plus_E_for_the_generators_residuals()
    {
        using var model = Model();
        var c = MeansOf(model);
        var e = Residual(new torch.Generator(77), SigmaE);
        var j = c.Select((row, k) => row.Select((v, a) => v + e[k][a]).ToArray()).ToArray();
        using var g = model.SampleGTerm(P532, new torch.Generator(77));
        AssertClose(g, Sandwich(j, Hand(P532)), 1e-14, "G draw");
    }

    [Test]
    public void A_batch_gradient_draw_is_the_mean_of_C_plus_E_mu_times_p_mu_minus_the_one_hot_label()
    {
        using var model = Model();
        var c = MeansOf(model);
        double[][] probs = [[0.5, 0.3, 0.2], [0.1, 0.6, 0.3]];
        int[] labels = [2, 0];
        var oracle = new torch.Generator(5);
        var expected = new double[1, D];
        for (int mu = 0; mu < 2; mu++)
        {
            var e = Residual(oracle, SigmaE); // one fresh block per sample, in sample order
            for (int k = 0; k < K; k++)
                for (int a = 0; a < D; a++)
                    expected[0, a] += (c[k][a] + e[k][a]) * (probs[mu][k] - (k == labels[mu] ? 1 : 0)) / 2;
        }
        using var g = model.SampleBatchGradient(probs, labels, new torch.Generator(5));
        Assert.That(g.shape, Is.EqualTo(new long[] { D }), "gradient is [d]");
        AssertClose(g, expected, 1e-14, "batch gradient draw (Eq. 9)");
    }

    [Test]
    public void Batch_gradient_draws_refuse_mismatched_or_empty_batches_bad_rows_and_labels_out_of_range()
    {
        using var model = Model();
        var gen = new torch.Generator(1);
        Assert.That(() => model.SampleBatchGradient([P532, P532], [0], gen),
            Throws.ArgumentException.With.Message.Contains("need one probability vector per label, got 2 and 1").And.Property("ParamName").EqualTo("labels"), "2 rows, 1 label");
        Assert.That(() => model.SampleBatchGradient([P532], [0, 1], gen),
            Throws.ArgumentException.With.Message.Contains("got 1 and 2"), "1 row, 2 labels");
        Assert.That(() => model.SampleBatchGradient([], [], gen),
            Throws.ArgumentException.With.Message.Contains("need one probability vector per label, got 0 and 0"), "empty batch");
        Assert.That(() => model.SampleBatchGradient([new[] { 0.5, 0.5 }], [0], gen),
            Throws.ArgumentException.With.Message.Contains("probability vectors must have K = 3 entries, got 2"), "row of length 2");
        foreach (int y in new[] { -1, K })
            Assert.That(() => model.SampleBatchGradient([P532], [y], gen),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("labels must be in [0, 3)").And.Property("ParamName").EqualTo("labels"), $"label {y}");
        using var ok = model.SampleBatchGradient([P532], [K - 1], gen);
        Assert.That(ok.shape, Is.EqualTo(new long[] { D }), "label K − 1 is accepted");
    }

    [Test]
    public void Expected_batch_gradient_is_sum_of_c_k_times_the_prior_gap_and_its_norm_is_sigma_c_root_d_times_the_gap()
    {
        using var model = Model();
        var c = MeansOf(model);
        // Q̂ − Q = (¼, −¼, 0): ‖Q̂ − Q‖ = √2/4.
        double[] qhat = [0.5, 0.25, 0.25], q = [0.25, 0.5, 0.25];
        var expected = new double[1, D];
        for (int a = 0; a < D; a++) expected[0, a] = 0.25 * c[0][a] - 0.25 * c[1][a];
        using var g = model.ExpectedBatchGradient(qhat, q);
        AssertClose(g, expected, 1e-15, "E ∂ℓ/∂θ (Eq. 9)");
        // Orthogonal means: ‖¼(c₀ − c₁)‖ = ¼√(2dσ_c²) = σ_c√d·√2/4 = 2√5·√2/4 = √10/2.
        double norm = Math.Sqrt(g.data<double>().ToArray().Sum(v => v * v));
        double byModel = model.ExpectedGradientNorm(qhat, q);
        Assert.That(byModel, Is.EqualTo(Math.Sqrt(10) / 2).Within(1e-15), $"σ_c√d‖Q̂ − Q‖ = {byModel:R}, expected √10/2");
        Assert.That(norm, Is.EqualTo(Math.Sqrt(10) / 2).Within(1e-13), $"‖E ∂ℓ/∂θ‖ = {norm:R}, expected √10/2");
        // The paper's printed dσ_c²‖Q̂ − Q‖ = 20·√2/4 = 5√2.
        double printed = model.PaperPrintedGradientNorm(qhat, q);
        Assert.That(printed, Is.EqualTo(5 * Math.Sqrt(2)).Within(1e-14), $"dσ_c²‖Q̂ − Q‖ = {printed:R}, expected 5√2");
    }

    [Test]
    public void Probability_arguments_must_be_non_null_and_have_K_entries()
    {
        using var model = Model();
        double[] four = [0.25, 0.25, 0.25, 0.25], two = [0.5, 0.5];
        const string wrong = "probability vectors must have K = 3 entries, got";
        Assert.That(() => model.ExpectedGTerm(null!), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("p"), "E G of null");
        Assert.That(() => model.ExpectedGTerm(two), Throws.ArgumentException.With.Message.Contains($"{wrong} 2").And.Property("ParamName").EqualTo("p"), "E G of K = 2");
        Assert.That(() => model.ExpectedGTermEigenvalues(two), Throws.ArgumentException.With.Message.Contains($"{wrong} 2"), "App. B of K = 2");
        Assert.That(() => model.SampleGTerm(two, new torch.Generator(1)), Throws.ArgumentException.With.Message.Contains($"{wrong} 2"), "G draw of K = 2");
        Assert.That(() => model.ExpectedBatchGradient(four, P532), Throws.ArgumentException.With.Message.Contains($"{wrong} 4"), "Q̂ of K = 4");
        Assert.That(() => model.ExpectedBatchGradient(P532, four), Throws.ArgumentException.With.Message.Contains($"{wrong} 4"), "Q of K = 4");
    }

    [Test]
    public void Priors_are_the_mean_output_and_the_label_frequencies()
    {
        // Rows (½, ½, 0), (¼, ¼, ½), labels 2, 0: Q̂ = (3/8, 3/8, 1/4), Q = (½, 0, ½), exact in binary.
        var (qhat, q) = RandomLogitModel.Priors([new[] { 0.5, 0.5, 0.0 }, new[] { 0.25, 0.25, 0.5 }], [2, 0], 3);
        Assert.That(qhat, Is.EqualTo(new[] { 0.375, 0.375, 0.25 }), $"Q̂ = [{string.Join(", ", qhat)}]");
        Assert.That(q, Is.EqualTo(new[] { 0.5, 0.0, 0.5 }), $"Q = [{string.Join(", ", q)}]");
    }

    [Test]
    public void Priors_refuse_mismatched_or_empty_batches_rows_of_another_length_and_labels_out_of_range()
    {
        IReadOnlyList<double>[] rows = [new[] { 0.5, 0.5, 0.0 }, new[] { 0.25, 0.25, 0.5 }];
        Assert.That(() => RandomLogitModel.Priors(null!, [0], 3), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("probabilities"), "null rows");
        Assert.That(() => RandomLogitModel.Priors(rows, null!, 3), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("labels"), "null labels");
        Assert.That(() => RandomLogitModel.Priors(rows, [0], 3),
            Throws.ArgumentException.With.Message.Contains("need one probability vector per label, got 2 and 1").And.Property("ParamName").EqualTo("labels"), "2 rows, 1 label");
        Assert.That(() => RandomLogitModel.Priors([], [], 3), Throws.ArgumentException.With.Message.Contains("got 0 and 0"), "empty batch");
        Assert.That(() => RandomLogitModel.Priors(rows, [0, 1], 1),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("K must be ≥ 2").And.Property("ParamName").EqualTo("classes"), "K = 1");
        Assert.That(() => RandomLogitModel.Priors(rows, [0, 1], 2),
            Throws.ArgumentException.With.Message.Contains("probability vector 0 must have K = 2 entries").And.Property("ParamName").EqualTo("probabilities"), "rows of 3 for K = 2");
        Assert.That(() => RandomLogitModel.Priors([rows[0], null!], [0, 1], 3),
            Throws.ArgumentException.With.Message.Contains("probability vector 1 must have K = 3 entries"), "a null row");
        foreach (int y in new[] { -1, 3 })
            Assert.That(() => RandomLogitModel.Priors(rows, [0, y], 3),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("labels must be in [0, 3)").And.Property("ParamName").EqualTo("labels"), $"label {y}");
    }
}
