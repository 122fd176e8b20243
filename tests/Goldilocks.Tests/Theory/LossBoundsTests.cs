namespace Goldilocks.Tests.Theory;

/// <summary>
/// The loss bounds of paper 000 Sec. 4 (<see cref="LossBounds"/>): the class-independent loss, the mean output, the
/// Jensen bound, the prior entropy and the printed unweighted bound against values worked out by hand in logarithms of
/// 2, 3 and 5, and the small-scale expansion against a brute-force log-sum-exp loss L(t) = mean_μ [lse(t z_μ) − t z_{μ,y}]
/// evaluated in the test (its slope at t → 0 is c₁, and for two classes its curvature attains the range²/8 bound). The
/// argument checks are held to their exception type, parameter name and message.
/// </summary>
public sealed class LossBoundsTests
{
    // Two outputs over three classes, the third never predicted, and a prior that never shows the third class.
    private static readonly IReadOnlyList<double>[] Outputs = [new[] { 0.5, 0.5, 0.0 }, new[] { 0.25, 0.75, 0.0 }];
    private static readonly double[] Prior = [0.5, 0.5, 0.0];
    private static readonly double Ln2 = Math.Log(2), Ln3 = Math.Log(3), Ln5 = Math.Log(5);

    [Test]
    public void Class_independent_loss_of_a_hand_computed_case_skips_classes_the_prior_never_shows()
    {
        // Class 0: mean(−ln ½, −ln ¼) = mean(ln 2, 2 ln 2) = 1.5 ln 2. Class 1: mean(ln 2, ln 4 − ln 3) = (3 ln 2 − ln 3)/2.
        // Loss = ½·1.5 ln 2 + ½(3 ln 2 − ln 3)/2 = 1.5 ln 2 − ¼ ln 3. Class 2 has Q = 0 and p = 0: it contributes 0, not 0·∞.
        double expected = 1.5 * Ln2 - 0.25 * Ln3, loss = LossBounds.ClassIndependentLoss(Outputs, Prior);
        Assert.That(loss, Is.EqualTo(expected).Within(4e-16), $"loss = {loss:R}, expected 1.5 ln 2 − ¼ ln 3 = {expected:R}");
        // A class the prior shows but no output predicts costs −log 0 = +∞.
        double infinite = LossBounds.ClassIndependentLoss(Outputs, [0.5, 0.25, 0.25]);
        Assert.That(infinite, Is.EqualTo(double.PositiveInfinity), $"Q_2 > 0 with p_2 = 0 gives {infinite}");
    }

    [Test]
    public void Mean_output_Jensen_bound_and_entropy_of_the_hand_computed_case()
    {
        var qhat = LossBounds.AverageOutput(Outputs);
        Assert.That(qhat, Is.EqualTo(new[] { 0.375, 0.625, 0.0 }), $"Q̂ = [{string.Join(", ", qhat)}], expected (3/8, 5/8, 0) exactly");
        // −½ ln(3/8) − ½ ln(5/8) = 3 ln 2 − ½(ln 3 + ln 5); class 2 (Q = 0, Q̂ = 0) contributes 0, not 0·∞.
        double expected = 3 * Ln2 - 0.5 * (Ln3 + Ln5), jensen = LossBounds.JensenBound(Prior, qhat);
        Assert.That(jensen, Is.EqualTo(expected).Within(4e-16), $"Jensen bound = {jensen:R}, expected 3 ln 2 − ½ ln 15 = {expected:R}");
        double h = LossBounds.Entropy(Prior);
        Assert.That(h, Is.EqualTo(Ln2).Within(2e-16), $"H(½, ½, 0) = {h:R}, expected ln 2");
        // H(½, ¼, ¼, 0) = ½ ln 2 + 2·¼ ln 4 = 1.5 ln 2.
        h = LossBounds.Entropy([0.5, 0.25, 0.25, 0.0]);
        Assert.That(h, Is.EqualTo(1.5 * Ln2).Within(2e-16), $"H(½, ¼, ¼, 0) = {h:R}, expected 1.5 ln 2");
        Assert.That(LossBounds.Entropy([0.0, 1.0]), Is.EqualTo(0.0), "a one-class prior has zero entropy");
    }

    [Test]
    public void Paper_unweighted_bound_is_the_sum_of_minus_log_mean_output()
    {
        // −ln ½ − ln ¼ − ln ¼ = 5 ln 2; the uniform Q̂ attains K log K.
        double b = LossBounds.PaperUnweightedBound([0.5, 0.25, 0.25]);
        Assert.That(b, Is.EqualTo(5 * Ln2).Within(1e-15), $"Σ −log Q̂ = {b:R}, expected 5 ln 2");
        b = LossBounds.PaperUnweightedBound([0.25, 0.25, 0.25, 0.25]);
        Assert.That(b, Is.EqualTo(4 * Math.Log(4)).Within(1e-15), $"uniform K = 4: {b:R}, expected 4 ln 4");
    }

    [Test]
    public void Small_scale_expansion_of_a_hand_computed_case()
    {
        // Rows (1, 2, 4) label 2 and (0, 0, 1) label 0: z̄ − z_y = 7/3 − 4 = −5/3 and 1/3 − 0 = 1/3, so c₁ = −2/3.
        // Ranges 3 and 1: the factor is max range²/8 = 9/8 (exact).
        var (c1, r) = LossBounds.SmallScaleExpansion([new[] { 1.0, 2.0, 4.0 }, new[] { 0.0, 0.0, 1.0 }], [2, 0]);
        Assert.That(c1, Is.EqualTo(-2.0 / 3).Within(4e-16), $"c₁ = {c1:R}, expected −2/3");
        Assert.That(r, Is.EqualTo(1.125), $"range²/8 = {r:R}, expected 9/8");
    }

    /// <summary>L(t) = mean_μ [log Σ_k e^{t z_μk} − t z_{μ,y}], the brute-force loss of the logits scaled by t.</summary>
    private static double Loss(double[][] z, int[] y, double t) =>
        z.Select((row, mu) =>
        {
            double m = row.Max(v => t * v);
            return m + Math.Log(row.Sum(v => Math.Exp(t * v - m))) - t * row[y[mu]];
        }).Average();

    [Test]
    public void Small_scale_expansion_is_the_slope_of_the_brute_force_loss_and_its_two_class_bound_is_attained()
    {
        // Three classes: (L(t) − log K)/t → c₁ with error O(t · range²/8); at t = 1e-6 that is ≲ 1e-6, and the round-off
        // of the difference is ~1e-16/1e-6 = 1e-10.
        double[][] z = [[0.3, -1.2, 2.0], [1.5, 0.0, -0.5], [-0.7, 0.4, 0.1]];
        int[] y = [1, 0, 2];
        var (c1, r) = LossBounds.SmallScaleExpansion(z, y);
        double t = 1e-6, slope = (Loss(z, y, t) - Math.Log(3)) / t;
        Assert.That(slope, Is.EqualTo(c1).Within(2 * t * r + 1e-9), $"(L(t) − log 3)/t = {slope:R} at t = {t} vs c₁ = {c1:R}");
        foreach (double s in new[] { 0.5, 0.1, 0.01 })
        {
            double rem = Math.Abs(Loss(z, y, s) - Math.Log(3) - s * c1);
            Assert.That(rem, Is.LessThanOrEqualTo(s * s * r), $"|R| = {rem:E3} > t² range²/8 = {s * s * r:E3} at t = {s}");
        }
        // Two classes, z = (0, 2): lse(t z) = log 2 + t + t²/2 − t⁴/12 + ..., so R/t² → ½ = range²/8 (the bound is tight),
        // with relative error t²/6 ≈ 2e-7 at t = 1e-3 and round-off ~1e-16/1e-6.
        double[][] two = [[0.0, 2.0]];
        var (c2, r2) = LossBounds.SmallScaleExpansion(two, [0]);
        Assert.That((c2, r2), Is.EqualTo((1.0, 0.5)), "z = (0, 2), y = 0: c₁ = z̄ − z_0 = 1, range²/8 = ½");
        double u = 1e-3, ratio = (Loss(two, [0], u) - Math.Log(2) - u * c2) / (u * u);
        Assert.That(ratio, Is.EqualTo(r2).Within(1e-6), $"R/t² = {ratio:R} at t = {u}, expected range²/8 = {r2}");
    }

    [Test]
    public void Small_scale_expansion_refuses_mismatched_or_empty_input_and_labels_outside_the_row()
    {
        double[][] z = [[0.0, 1.0], [2.0, 3.0]];
        Assert.That(() => LossBounds.SmallScaleExpansion(z, [0]),
            Throws.ArgumentException.With.Message.Contains("need one label per logit row").And.Property("ParamName").EqualTo("labels"), "2 rows, 1 label");
        Assert.That(() => LossBounds.SmallScaleExpansion([z[0]], [0, 1]), Throws.ArgumentException.With.Message.Contains("need one label per logit row"), "1 row, 2 labels");
        Assert.That(() => LossBounds.SmallScaleExpansion([], []), Throws.ArgumentException.With.Message.Contains("need one label per logit row"), "empty");
        Assert.That(() => LossBounds.SmallScaleExpansion(null!, [0]), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("logits"), "null logits");
        Assert.That(() => LossBounds.SmallScaleExpansion(z, null!), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("labels"), "null labels");
        foreach (int label in new[] { -1, 2 })
            Assert.That(() => LossBounds.SmallScaleExpansion(z, [0, label]),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("label 1 must be in [0, 2)").And.Property("ParamName").EqualTo("labels"), $"label {label}");
        Assert.That(() => LossBounds.SmallScaleExpansion([z[0], Array.Empty<double>()], [0, 0]),
            Throws.ArgumentException.With.Message.Contains("logit row 1 is null or empty").And.Property("ParamName").EqualTo("logits"), "empty row");
        Assert.That(() => LossBounds.SmallScaleExpansion([z[0], null!], [0, 0]),
            Throws.ArgumentException.With.Message.Contains("logit row 1 is null or empty"), "null row");
        var (_, r) = LossBounds.SmallScaleExpansion(z, [1, 1]);
        Assert.That(r, Is.EqualTo(0.125), "label K − 1 is accepted: range 1, range²/8 = 1/8");
    }

    [Test]
    public void Output_lists_must_be_non_empty_rows_of_the_prior_length()
    {
        Assert.That(() => LossBounds.ClassIndependentLoss(null!, Prior), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("outputs"), "null outputs");
        Assert.That(() => LossBounds.ClassIndependentLoss(Outputs, null!), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("prior"), "null prior");
        Assert.That(() => LossBounds.ClassIndependentLoss([], Prior),
            Throws.ArgumentException.With.Message.Contains("no outputs").And.Property("ParamName").EqualTo("outputs"), "no outputs");
        Assert.That(() => LossBounds.ClassIndependentLoss(Outputs, [0.5, 0.5]),
            Throws.ArgumentException.With.Message.Contains("every output must be a row of K = 2 probabilities"), "prior shorter than the rows");
        Assert.That(() => LossBounds.ClassIndependentLoss([Outputs[0], null!], Prior),
            Throws.ArgumentException.With.Message.Contains("every output must be a row of K = 3 probabilities"), "a null row");
        Assert.That(() => LossBounds.AverageOutput(null!), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("outputs"), "mean of null");
        Assert.That(() => LossBounds.AverageOutput([]), Throws.ArgumentException.With.Message.Contains("no outputs"), "mean of nothing");
        Assert.That(() => LossBounds.AverageOutput([new[] { 0.5, 0.5 }, new[] { 0.2, 0.3, 0.5 }]),
            Throws.ArgumentException.With.Message.Contains("every output must be a row of K = 2 probabilities"), "ragged rows");
        Assert.That(() => LossBounds.AverageOutput([null!, new[] { 0.5, 0.5 }]),
            Throws.ArgumentException.With.Message.Contains("every output must be a row of K = 0 probabilities"), "a null first row");
    }

    [Test]
    public void Bounds_refuse_null_vectors_and_a_mean_output_of_another_length()
    {
        Assert.That(() => LossBounds.JensenBound(null!, Prior), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("prior"), "null prior");
        Assert.That(() => LossBounds.JensenBound(Prior, null!), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("averageOutput"), "null Q̂");
        Assert.That(() => LossBounds.JensenBound(Prior, [0.5, 0.5]),
            Throws.ArgumentException.With.Message.Contains("the mean output has 2 entries but the prior 3").And.Property("ParamName").EqualTo("averageOutput"), "Q̂ shorter");
        Assert.That(() => LossBounds.JensenBound([0.5, 0.5], Prior),
            Throws.ArgumentException.With.Message.Contains("the mean output has 3 entries but the prior 2"), "Q̂ longer");
        Assert.That(() => LossBounds.Entropy(null!), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("prior"), "entropy of null");
        Assert.That(() => LossBounds.PaperUnweightedBound(null!), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("averageOutput"), "printed bound of null");
    }
}
