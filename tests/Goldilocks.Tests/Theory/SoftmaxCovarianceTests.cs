namespace Goldilocks.Tests.Theory;

/// <summary>
/// The logit Hessian M = diag(p) − ppᵀ of paper 000 (Eq. 4), its trace, batch average, Γ_p = Tr(M)/‖M‖_F (Eq. 10),
/// eigenvalues and the stable softmax, against values worked out by hand (binary fractions where possible, so most
/// entries are exact), the closed forms of uniform and two-point p, and dense loops written out in the test. The
/// argument checks are held to their exception type, parameter name and message.
/// </summary>
public sealed class SoftmaxCovarianceTests
{
    // p = (0.5, 0.3, 0.2): M = diag(p) − ppᵀ by hand.
    //   M_00 = 0.5·0.5 = 0.25, M_11 = 0.3·0.7 = 0.21, M_22 = 0.2·0.8 = 0.16,
    //   M_01 = −0.15, M_02 = −0.10, M_12 = −0.06.
    // Tr M = 0.62 = 1 − ‖p‖² = 1 − 0.38; ‖M‖_F² = 0.0625 + 0.0441 + 0.0256 + 2(0.0225 + 0.01 + 0.0036) = 0.2044.
    private static readonly double[] P532 = [0.5, 0.3, 0.2];
    private static readonly double[,] M532 = { { 0.25, -0.15, -0.10 }, { -0.15, 0.21, -0.06 }, { -0.10, -0.06, 0.16 } };

    // Entries are ≤ 0.25 and each is one or two roundings of decimal products: a few ulps of 0.25 (≈ 5.6e-17 each).
    private const double EntryTol = 2e-16;

    private static void AssertMatrix(double[,] actual, double[,] expected, double tol, string what)
    {
        Assert.That(actual.GetLength(0), Is.EqualTo(expected.GetLength(0)), $"{what}: rows");
        Assert.That(actual.GetLength(1), Is.EqualTo(expected.GetLength(1)), $"{what}: columns");
        for (int i = 0; i < expected.GetLength(0); i++)
            for (int j = 0; j < expected.GetLength(1); j++)
                Assert.That(actual[i, j], Is.EqualTo(expected[i, j]).Within(tol), $"{what}: entry ({i}, {j}) = {actual[i, j]:R}, expected {expected[i, j]:R}");
    }

    [Test]
    public void Softmax_of_log_ratios_gives_the_ratios_normalised_and_divides_by_the_temperature()
    {
        // z = (0, ln 3): e^{z − max} = (1/3, 1), sum 4/3, so p = (1/4, 3/4). Round-off: one exp and one division, ~1e-16.
        var p = SoftmaxCovariance.Softmax([0, Math.Log(3)]);
        Assert.That(p, Is.EqualTo(new[] { 0.25, 0.75 }).Within(2e-16), $"σ(0, ln 3) = [{string.Join(", ", p)}], expected (1/4, 3/4)");
        // z = (ln 4, ln 2, 0): weights 4 : 2 : 1, so p = (4/7, 2/7, 1/7).
        p = SoftmaxCovariance.Softmax([Math.Log(4), Math.Log(2), 0]);
        Assert.That(p, Is.EqualTo(new[] { 4.0 / 7, 2.0 / 7, 1.0 / 7 }).Within(2e-16), $"σ(ln 4, ln 2, 0) = [{string.Join(", ", p)}], expected (4, 2, 1)/7");
        // T = 2 halves the logits: σ_2(0, 2 ln 3) = σ(0, ln 3) = (1/4, 3/4) (division by 2 is exact).
        p = SoftmaxCovariance.Softmax([0, 2 * Math.Log(3)], temperature: 2);
        Assert.That(p, Is.EqualTo(new[] { 0.25, 0.75 }).Within(2e-16), $"σ_T=2(0, 2 ln 3) = [{string.Join(", ", p)}], expected (1/4, 3/4)");
        // T = 1/2 doubles them: σ_½(0, ln 3 / 2) = σ(0, ln 3).
        p = SoftmaxCovariance.Softmax([0, Math.Log(3) / 2], temperature: 0.5);
        Assert.That(p, Is.EqualTo(new[] { 0.25, 0.75 }).Within(2e-16), $"σ_T=½(0, ln 3/2) = [{string.Join(", ", p)}], expected (1/4, 3/4)");
    }

    [Test]
    public void Softmax_of_huge_equal_logits_is_exactly_uniform_not_NaN()
    {
        // e^{1000} overflows; after subtracting the max every weight is e^0 = 1 exactly, so p = (1/3, 1/3, 1/3) exactly.
        var p = SoftmaxCovariance.Softmax([1000, 1000, 1000]);
        Assert.That(p, Is.EqualTo(new[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 }), $"σ(1000, 1000, 1000) = [{string.Join(", ", p)}]");
        // A gap of 800 underflows e^{−800} to 0: the top class gets exactly 1 and the other exactly 0.
        p = SoftmaxCovariance.Softmax([-400, 400]);
        Assert.That(p, Is.EqualTo(new[] { 0.0, 1.0 }), $"σ(−400, 400) = [{string.Join(", ", p)}]");
    }

    [Test]
    public void Softmax_refuses_null_too_few_non_finite_logits_and_a_bad_temperature()
    {
        Assert.That(() => SoftmaxCovariance.Softmax(null!), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("logits"), "null logits");
        Assert.That(() => SoftmaxCovariance.Softmax([0.5]), Throws.ArgumentException.With.Message.Contains("softmax needs K ≥ 2 logits"), "K = 1");
        Assert.That(() => SoftmaxCovariance.Softmax([0, double.NaN]), Throws.ArgumentException.With.Message.Contains("logits must be finite"), "a NaN logit");
        Assert.That(() => SoftmaxCovariance.Softmax([double.PositiveInfinity, 0, 1]), Throws.ArgumentException.With.Message.Contains("logits must be finite"), "an infinite logit");
        foreach (double t in new[] { 0.0, -1.0, double.NaN, double.PositiveInfinity })
            Assert.That(() => SoftmaxCovariance.Softmax([0, 1], t),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("temperature must be a positive finite number"), $"temperature {t}");
    }

    [Test]
    public void Matrix_and_trace_of_a_hand_computed_p()
    {
        AssertMatrix(SoftmaxCovariance.Matrix(P532), M532, EntryTol, "M(0.5, 0.3, 0.2)");
        double trace = SoftmaxCovariance.Trace(P532);
        Assert.That(trace, Is.EqualTo(0.62).Within(4e-16), $"Tr M = 1 − ‖p‖² = 1 − 0.38 = 0.62, got {trace:R}");
        // Two classes: p = (1/4, 3/4), M = (3/16)[[1, −1], [−1, 1]], every entry exact in binary.
        AssertMatrix(SoftmaxCovariance.Matrix([0.25, 0.75]), new[,] { { 0.1875, -0.1875 }, { -0.1875, 0.1875 } }, 0, "M(1/4, 3/4)");
        Assert.That(SoftmaxCovariance.Trace([0.25, 0.75]), Is.EqualTo(0.375), "Tr M(1/4, 3/4) = 2·3/16");
    }

    [Test]
    public void Matrix_keeps_the_top_class_diagonal_when_1_minus_p_max_is_below_round_off()
    {
        // p = (1e-20, 1): the sum rounds to 1 exactly, so the p is valid. M_11 = p_1 Σ_{c≠1} p_c = 1·1e-20 = 1e-20 exactly,
        // whereas p_1 − p_1² = 1 − 1 = 0 would lose it; M_00 = 1e-20·1, M_01 = −1e-20·1.
        var m = SoftmaxCovariance.Matrix([1e-20, 1.0]);
        AssertMatrix(m, new[,] { { 1e-20, -1e-20 }, { -1e-20, 1e-20 } }, 0, "M(1e-20, 1)");
        Assert.That(SoftmaxCovariance.Trace([1e-20, 1.0]), Is.EqualTo(2e-20), "Tr M(1e-20, 1) = 2e-20 exactly");
        using var batched = SoftmaxCovariance.Batched(torch.tensor(new[] { 1e-20, 1.0 }, new long[] { 1, 2 }, ScalarType.Float64));
        var flat = batched.data<double>().ToArray();
        Assert.That(flat, Is.EqualTo(new[] { 1e-20, -1e-20, -1e-20, 1e-20 }), $"Batched row (1e-20, 1) = [{string.Join(", ", flat)}]");
    }

    [Test]
    public void Batched_equals_diag_p_minus_p_p_transposed_row_by_row()
    {
        double[][] rows = [[0.5, 0.3, 0.2], [0.1, 0.6, 0.3]];
        using var probabilities = torch.tensor(rows.SelectMany(r => r).ToArray(), new long[] { 2, 3 }, ScalarType.Float64);
        using var m = SoftmaxCovariance.Batched(probabilities);
        Assert.That(m.shape, Is.EqualTo(new long[] { 2, 3, 3 }), $"shape [{string.Join(", ", m.shape)}]");
        Assert.That(m.dtype, Is.EqualTo(ScalarType.Float64), "dtype follows the input");
        var flat = m.data<double>().ToArray();
        for (int mu = 0; mu < 2; mu++)
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                {
                    // Dense oracle written out: δ_ij p_i − p_i p_j (entries ≤ 0.25, a few ulps of cancellation at most).
                    double expected = (i == j ? rows[mu][i] : 0) - rows[mu][i] * rows[mu][j];
                    Assert.That(flat[(mu * 3 + i) * 3 + j], Is.EqualTo(expected).Within(EntryTol), $"row {mu}, entry ({i}, {j})");
                }
    }

    [Test]
    public void Batched_refuses_null_and_tensors_that_are_not_N_by_K()
    {
        Assert.That(() => SoftmaxCovariance.Batched(null!), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("probabilities"), "null");
        using var vector = torch.tensor(new[] { 0.5, 0.3, 0.2 }, ScalarType.Float64);
        Assert.That(() => SoftmaxCovariance.Batched(vector), Throws.ArgumentException.With.Message.Contains("probabilities must be [N, K], got [3]"), "1-D");
        using var cube = torch.zeros(2, 3, 4, dtype: ScalarType.Float64);
        Assert.That(() => SoftmaxCovariance.Batched(cube), Throws.ArgumentException.With.Message.Contains("probabilities must be [N, K], got [2, 3, 4]"), "3-D");
    }

    [Test]
    public void Batch_average_is_the_entrywise_mean_of_the_per_sample_matrices()
    {
        // (1/2, 1/2) gives (1/4)[[1, −1], [−1, 1]], a one-hot row gives 0: the mean of the two is (1/8)[[1, −1], [−1, 1]].
        var avg = SoftmaxCovariance.BatchAverage([new[] { 0.5, 0.5 }, new[] { 1.0, 0.0 }]);
        AssertMatrix(avg, new[,] { { 0.125, -0.125 }, { -0.125, 0.125 } }, 0, "mean of M(½, ½) and M(1, 0)");
        // Three rows: M(½, ½) + M(0, 1) + M(1/4, 3/4) = (1/4 + 0 + 3/16)[[1, −1], [−1, 1]], divided by 3: 7/48.
        avg = SoftmaxCovariance.BatchAverage([new[] { 0.5, 0.5 }, new[] { 0.0, 1.0 }, new[] { 0.25, 0.75 }]);
        // Three rounded quotients summed: a few ulps of 7/48 ≈ 0.146 (ulp 2.8e-17).
        AssertMatrix(avg, new[,] { { 7.0 / 48, -7.0 / 48 }, { -7.0 / 48, 7.0 / 48 } }, 1.2e-16, "mean of three 2×2 matrices");
    }

    [Test]
    public void Batch_average_refuses_null_an_empty_batch_and_ragged_rows()
    {
        Assert.That(() => SoftmaxCovariance.BatchAverage(null!), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("batch"), "null");
        Assert.That(() => SoftmaxCovariance.BatchAverage([]), Throws.ArgumentException.With.Message.Contains("the batch is empty"), "empty");
        Assert.That(() => SoftmaxCovariance.BatchAverage([new[] { 0.5, 0.5 }, new[] { 0.5, 0.3, 0.2 }]),
            Throws.ArgumentException.With.Message.Contains("all probability vectors must have K = 2 entries, got 3"), "ragged");
    }

    [Test]
    public void Gamma_of_hand_computed_p_uniform_p_and_tiny_entries()
    {
        // Two equal entries and a zero: M = (1/4)[[1, −1, 0], [−1, 1, 0], [0, 0, 0]], Tr = 1/2, ‖M‖_F = √(4/16) = 1/2, Γ = 1.
        double g = SoftmaxCovariance.Gamma([0.5, 0.5, 0.0]);
        Assert.That(g, Is.EqualTo(1.0).Within(2e-16), $"Γ(½, ½, 0) = {g:R}");
        // Uniform K = 3: diag 2/9, off-diagonal −1/9, Tr = 2/3, ‖M‖_F² = 3·4/81 + 6/81 = 2/9, Γ = (2/3)/(√2/3) = √2.
        g = SoftmaxCovariance.Gamma([1.0 / 3, 1.0 / 3, 1.0 / 3]);
        Assert.That(g, Is.EqualTo(Math.Sqrt(2)).Within(1e-15), $"Γ(uniform K = 3) = {g:R}, expected √2");
        // (0.5, 0.3, 0.2): Γ = 0.62/√0.2044 (values in the header comment); ~10 roundings, relative 1e-15.
        double expected = 0.62 / Math.Sqrt(0.2044);
        g = SoftmaxCovariance.Gamma(P532);
        Assert.That(g, Is.EqualTo(expected).Within(1e-15 * expected), $"Γ(0.5, 0.3, 0.2) = {g:R}, expected 0.62/√0.2044 = {expected:R}");
        // p = (1e-200, 1): M = 1e-200·[[1, −1], [−1, 1]], whose squares (1e-400) underflow; the scaled norm still gives Γ = 1.
        g = SoftmaxCovariance.Gamma([1e-200, 1.0]);
        Assert.That(g, Is.EqualTo(1.0).Within(2e-16), $"Γ(1e-200, 1) = {g:R}");
    }

    [Test]
    public void Gamma_of_a_batch_is_that_of_the_averaged_matrix()
    {
        // Rows (½, ½, 0) and (0, ½, ½): the mean is [[1/8, −1/8, 0], [−1/8, 1/4, −1/8], [0, −1/8, 1/8]].
        // Tr = 1/2, ‖·‖_F² = 2/64 + 1/16 + 4/64 = 5/32, so Γ² = (1/4)(32/5) = 8/5.
        IReadOnlyList<double>[] batch = [new[] { 0.5, 0.5, 0.0 }, new[] { 0.0, 0.5, 0.5 }];
        double expected = Math.Sqrt(1.6);
        double g = SoftmaxCovariance.Gamma(batch);
        Assert.That(g, Is.EqualTo(expected).Within(1e-15 * expected), $"Γ(batch) = {g:R}, expected √(8/5) = {expected:R}");
        double? t = SoftmaxCovariance.TryGamma(batch);
        Assert.That(t, Is.Not.Null, "TryGamma of a batch that is not all one-hot");
        Assert.That(t!.Value, Is.EqualTo(expected).Within(1e-15 * expected), $"TryGamma(batch) = {t:R}, expected √(8/5)");
        Assert.That(SoftmaxCovariance.TryGamma([new[] { 1.0, 0.0, 0.0 }, new[] { 0.0, 0.0, 1.0 }]), Is.Null, "TryGamma of an all one-hot batch is null");
    }

    [Test]
    public void Gamma_of_one_hot_input_throws_naming_why_it_is_undefined()
    {
        Assert.That(() => SoftmaxCovariance.Gamma([0.0, 1.0, 0.0]),
            Throws.ArgumentException.With.Message.Contains("Γ_p = Tr(M)/‖M‖_F is undefined: p is one-hot, so diag(p) − ppᵀ = 0"), "one-hot p");
        Assert.That(() => SoftmaxCovariance.Gamma(new IReadOnlyList<double>[] { new[] { 1.0, 0.0 }, new[] { 0.0, 1.0 } }),
            Throws.ArgumentException.With.Message.Contains("undefined: every p^μ in the batch is one-hot"), "one-hot batch");
    }

    [Test]
    public void Gamma_squared_by_the_entry_formula_of_Eq_10_matches_the_hand_value()
    {
        // num = Σp − Σp² = 0.62, den = Σ(p − p²)² + Σ_{k≠c} p_k²p_c² = 0.2044 (header comment), Γ² = 0.3844/0.2044.
        double expected = 0.62 * 0.62 / 0.2044, g2 = SoftmaxCovariance.GammaSquaredEq10(P532);
        Assert.That(g2, Is.EqualTo(expected).Within(2e-15 * expected), $"Eq. 10 Γ² = {g2:R}, expected {expected:R}");
        // Uniform K = 4: Γ² = K − 1 = 3.
        g2 = SoftmaxCovariance.GammaSquaredEq10([0.25, 0.25, 0.25, 0.25]);
        Assert.That(g2, Is.EqualTo(3.0).Within(4e-15), $"Eq. 10 Γ² (uniform K = 4) = {g2:R}");
        Assert.That(() => SoftmaxCovariance.GammaSquaredEq10([1.0, 0.0]),
            Throws.ArgumentException.With.Message.Contains("Γ_p is undefined: p is one-hot"), "one-hot p");
        Assert.That(() => SoftmaxCovariance.GammaSquaredEq10([0.5, 0.6]), Throws.ArgumentException.With.Message.Contains("p must sum to 1"), "Σp = 1.1");
    }

    [Test]
    public void Probability_vectors_are_validated_for_null_length_sign_finiteness_and_sum()
    {
        Assert.That(() => SoftmaxCovariance.Matrix(null!), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("p"), "null");
        Assert.That(() => SoftmaxCovariance.Matrix([1.0]), Throws.ArgumentException.With.Message.Contains("p must have K ≥ 2 entries, got 1"), "K = 1");
        Assert.That(() => SoftmaxCovariance.Matrix([1.5, -0.5]), Throws.ArgumentException.With.Message.Contains("p must have finite non-negative entries"), "negative entry");
        Assert.That(() => SoftmaxCovariance.Matrix([0.5, double.NaN]), Throws.ArgumentException.With.Message.Contains("p must have finite non-negative entries"), "NaN entry");
        Assert.That(() => SoftmaxCovariance.Matrix([0.5, 0.6]), Throws.ArgumentException.With.Message.Contains("p must sum to 1, sums to 1.1"), "Σp = 1.1");
        // The tolerance is 1e-9: 2e-9 off is refused, 5e-10 off is accepted (and zero entries are allowed).
        Assert.That(() => SoftmaxCovariance.Matrix([0.5, 0.5 + 2e-9]), Throws.ArgumentException.With.Message.Contains("must sum to 1"), "Σp = 1 + 2e-9");
        Assert.That(() => SoftmaxCovariance.Matrix([0.5, 0.5 - 2e-9]), Throws.ArgumentException.With.Message.Contains("must sum to 1"), "Σp = 1 − 2e-9");
        var m = SoftmaxCovariance.Matrix([0.5, 0.5 + 5e-10, 0.0]);
        Assert.That(m[0, 0], Is.EqualTo(0.25).Within(1e-9), $"Σp = 1 + 5e-10 is accepted: M_00 = {m[0, 0]:R}");
        Assert.That(() => SoftmaxCovariance.Trace([0.5, 0.6]), Throws.ArgumentException.With.Message.Contains("must sum to 1"), "Trace validates");
        Assert.That(() => SoftmaxCovariance.GammaSquaredEq10(null!), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("p"), "Eq. 10 null");
    }

    [Test]
    public void Entropy_of_a_hand_computed_p_with_a_zero_entry()
    {
        // −(½ ln ½ + 2·¼ ln ¼) = ½ ln 2 + ln 2 = 1.5 ln 2; the zero entry contributes 0.
        double h = SoftmaxCovariance.Entropy([0.5, 0.25, 0.25, 0.0]);
        Assert.That(h, Is.EqualTo(1.5 * Math.Log(2)).Within(2e-16), $"H(½, ¼, ¼, 0) = {h:R}, expected 1.5 ln 2");
        Assert.That(SoftmaxCovariance.Entropy([0.0, 1.0]), Is.EqualTo(0.0), "one-hot p has zero entropy");
        Assert.That(() => SoftmaxCovariance.Entropy(null!), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("p"), "null");
    }

    [Test]
    public void Rows_copies_each_row_in_order_from_float32_and_from_a_transposed_view()
    {
        // Binary fractions: exact in float32 and float64.
        using var f32 = torch.tensor(new float[] { 0.5f, 0.5f, 0.25f, 0.75f, 1f, 0f }, new long[] { 3, 2 }, ScalarType.Float32);
        var rows = SoftmaxCovariance.Rows(f32);
        Assert.That(rows, Is.EqualTo(new[] { new[] { 0.5, 0.5 }, new[] { 0.25, 0.75 }, new[] { 1.0, 0.0 } }),
            $"rows [{string.Join("; ", rows.Select(r => string.Join(", ", r)))}]");
        // [[a, b, c], [d, e, f]]ᵀ is the non-contiguous [[a, d], [b, e], [c, f]].
        using var wide = torch.tensor(new[] { 0.125, 0.25, 0.625, 0.875, 0.75, 0.375 }, new long[] { 2, 3 }, ScalarType.Float64);
        using var view = wide.t();
        rows = SoftmaxCovariance.Rows(view);
        Assert.That(rows, Is.EqualTo(new[] { new[] { 0.125, 0.875 }, new[] { 0.25, 0.75 }, new[] { 0.625, 0.375 } }),
            $"rows of the transpose [{string.Join("; ", rows.Select(r => string.Join(", ", r)))}]");
    }

    [Test]
    public void Rows_refuses_null_and_tensors_that_are_not_N_by_K()
    {
        Assert.That(() => SoftmaxCovariance.Rows(null!), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("probabilities"), "null");
        using var cube = torch.zeros(2, 3, 4, dtype: ScalarType.Float64);
        Assert.That(() => SoftmaxCovariance.Rows(cube), Throws.ArgumentException.With.Message.Contains("probabilities must be [N, K], got [2, 3, 4]"), "3-D");
        using var vector = torch.zeros(5, dtype: ScalarType.Float64);
        Assert.That(() => SoftmaxCovariance.Rows(vector), Throws.ArgumentException.With.Message.Contains("probabilities must be [N, K], got [5]"), "1-D");
    }

    [Test]
    public void Eigenvalues_are_descending_and_of_the_symmetric_part()
    {
        // [[2, 1], [0, 2]] has symmetric part [[2, ½], [½, 2]], eigenvalues 2 ± ½.
        var lambda = SoftmaxCovariance.Eigenvalues(new[,] { { 2.0, 1.0 }, { 0.0, 2.0 } });
        Assert.That(lambda, Is.EqualTo(new[] { 2.5, 1.5 }).Within(1e-15), $"eigenvalues [{string.Join(", ", lambda)}]");
        lambda = SoftmaxCovariance.Eigenvalues(new[,] { { 1.0, 0, 0 }, { 0, 3.0, 0 }, { 0, 0, -2.0 } });
        Assert.That(lambda, Is.EqualTo(new[] { 3.0, 1.0, -2.0 }).Within(1e-15), $"diagonal matrix: [{string.Join(", ", lambda)}]");
        // M(½, ½, 0) = (1/4)[[1, −1, 0], [−1, 1, 0], [0, 0, 0]]: eigenvalues ½, 0, 0.
        lambda = SoftmaxCovariance.Eigenvalues([0.5, 0.5, 0.0]);
        Assert.That(lambda, Is.EqualTo(new[] { 0.5, 0.0, 0.0 }).Within(1e-16), $"M(½, ½, 0): [{string.Join(", ", lambda)}]");
        // M(0.5, 0.3, 0.2): 1 is in the null space; the other two satisfy λ₁ + λ₂ = Tr = 0.62 and λ₁² + λ₂² = ‖M‖_F² = 0.2044,
        // so λ₁λ₂ = (0.3844 − 0.2044)/2 = 0.09 and λ = (0.62 ± √(0.3844 − 0.36))/2.
        lambda = SoftmaxCovariance.Eigenvalues(P532);
        double root = Math.Sqrt(0.0244);
        Assert.That(lambda, Is.EqualTo(new[] { (0.62 + root) / 2, (0.62 - root) / 2, 0 }).Within(1e-15), $"M(0.5, 0.3, 0.2): [{string.Join(", ", lambda)}]");
    }

    [Test]
    public void ToTensor_is_a_row_major_float64_copy()
    {
        using var t = SoftmaxCovariance.ToTensor(new[,] { { 1.0, 2.0, 3.0 }, { 4.0, 5.0, 6.0 } });
        Assert.That(t.shape, Is.EqualTo(new long[] { 2, 3 }), $"shape [{string.Join(", ", t.shape)}]");
        Assert.That(t.dtype, Is.EqualTo(ScalarType.Float64), "dtype");
        Assert.That(t[1, 0].item<double>(), Is.EqualTo(4.0), "entry (1, 0)");
        Assert.That(t.data<double>().ToArray(), Is.EqualTo(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 }), "row-major data");
    }
}
