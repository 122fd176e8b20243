using FsCheck;
using FsCheck.Fluent;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G8, G10, G11: Γ_p bounds, the two-class collapse (Eq. 12) and the eigenvalue interlacing (App. B).</summary>
public sealed class SoftmaxCovarianceTests
{
    private static bool OneHot(IReadOnlyList<double> p) => p.Count(x => x > 0) < 2;

    [Claim("G8")]
    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = G8Constants.PropertyCases, MaxFail = G8Constants.MaxDiscards)]
    public Property Gamma_lies_in_1_to_sqrt_K_minus_1(ProbabilityCase c)
    {
        var p = c.P;
        // One-hot p (Γ undefined, reported by its own test) is discarded, not passed; at most MaxFail discards.
        return Prop.When(!OneHot(p), () =>
        {
        double gamma = SoftmaxCovariance.Gamma(p), upper = Math.Sqrt(p.Length - 1);
        ClaimAssert.That("G8", gamma >= 1 - G8Constants.BoundRtol && gamma <= upper * (1 + G8Constants.BoundRtol), $"Γ_p = {gamma:R} outside [1, √(K−1) = {upper:R}] for {c}; BoundRtol = {G8Constants.BoundRtol}");
        // Independent route: the entry formula of Eq. 10, evaluated literally. (p − p²) cancels when max p → 1, losing
        // ~1e-16/(1 − max p) relative accuracy, so the cross-check is made where 1 − max p ≥ 1e-3 (error ≲ 1e-13).
        if (1 - p.Max() >= G8Constants.Eq10MinMargin)
            ClaimAssert.Close("G8", $"Γ_p² by Eq. 10 vs Tr/‖·‖_F, {c}", SoftmaxCovariance.GammaSquaredEq10(p), gamma * gamma, G8Constants.Eq10Rtol);
        });
    }

    [Claim("G8")]
    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = G8Constants.BatchCases, MaxFail = G8Constants.MaxBatchDiscards)]
    public Property Gamma_of_the_batch_average_lies_in_1_to_sqrt_K_minus_1(BatchCase b)
    {
        var rows = b.P;
        return Prop.When(!rows.All(OneHot), () =>
        {
        double gamma = SoftmaxCovariance.Gamma(rows), upper = Math.Sqrt(rows[0].Count - 1);
        ClaimAssert.That("G8", gamma >= 1 - G8Constants.BoundRtol && gamma <= upper * (1 + G8Constants.BoundRtol), $"batch Γ = {gamma:R} outside [1, {upper:R}] for {b}; BoundRtol = {G8Constants.BoundRtol}");
        });
    }

    [Claim("G8")]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(10)]
    public void Uniform_p_attains_the_maximum_sqrt_K_minus_1_and_nothing_else_does(int k)
    {
        var uniform = Enumerable.Repeat(1.0 / k, k).ToArray();
        ClaimAssert.Close("G8", $"Γ(uniform, K = {k})", SoftmaxCovariance.Gamma(uniform), Math.Sqrt(k - 1), G8Constants.UniformRtol);
        var tilted = uniform.Select((x, i) => i == 0 ? x + G8Constants.Tilt : x - G8Constants.Tilt / (k - 1)).ToArray();
        double gamma = SoftmaxCovariance.Gamma(tilted);
        if (k == 2) // every non-one-hot p has rank 1 for K = 2, so Γ = 1 = √(K−1) there too: the maximum is not unique
            ClaimAssert.Close("G8", $"Γ of the non-uniform p = [{tilted[0]:R}, {tilted[1]:R}] for K = 2 is 1", gamma, 1.0, G8Constants.UniformRtol);
        else
            ClaimAssert.That("G8", gamma < Math.Sqrt(k - 1) - G8Constants.MinDrop, $"a non-uniform p reaches the maximum for K = {k}: Γ = {gamma:R}, √(K−1) = {Math.Sqrt(k - 1):R}; MinDrop = {G8Constants.MinDrop}");
    }

    [Claim("G8")]
    [Test]
    public void One_hot_p_is_rejected_with_a_clear_exception_not_NaN()
    {
        var act = () => SoftmaxCovariance.Gamma(new[] { 0.0, 1.0, 0.0 });
        act.Should().Throw<ArgumentException>().WithMessage("*undefined*one-hot*");
        var batch = () => SoftmaxCovariance.Gamma(new IReadOnlyList<double>[] { new[] { 1.0, 0.0 }, new[] { 0.0, 1.0 } });
        batch.Should().Throw<ArgumentException>().WithMessage("*one-hot*");
        var eq10 = () => SoftmaxCovariance.GammaSquaredEq10(new[] { 1.0, 0.0 });
        eq10.Should().Throw<ArgumentException>();
        // A numerically collapsed softmax (logit gap 1e4) is exactly one-hot in float64: also an exception.
        var collapsed = () => SoftmaxCovariance.Gamma(SoftmaxCovariance.Softmax(new[] { 0.0, 1e4, 0.0 }));
        collapsed.Should().Throw<ArgumentException>();
        // Tiny but non-zero entries are still well defined (no underflow to NaN).
        double tiny = SoftmaxCovariance.Gamma(new[] { 1e-200, 1 - 1e-200, 0.0 });
        double.IsFinite(tiny).Should().BeTrue("[G8] Γ of a softmax with an entry 1e-200 is defined, got {0}", tiny);
    }

    [Claim("G10")]
    [ClaimProperty(MaxTest = G10Constants.PropertyCases)]
    public void Two_class_collapse_has_one_eigenvalue_2eps_1_minus_eps_and_gamma_exactly_1(FsCheck.PositiveInt exponent, FsCheck.PositiveInt classes)
    {
        double eps = Math.Pow(10, -(1 + exponent.Get % 12) - 0.3);
        int k = 2 + classes.Get % 8;
        var p = CollapseExpansion.Probabilities(2, eps, k);
        var lambda = SoftmaxCovariance.Eigenvalues(p);
        string where = $"p(2, ε = {eps:G3}) with K = {k}";
        ClaimAssert.Close("G10", $"top eigenvalue = 2ε(1−ε), {where}", lambda[0], CollapseExpansion.TwoClassEigenvalue(eps), G10Constants.Rtol);
        ClaimAssert.That("G10", lambda.Skip(1).All(l => Math.Abs(l) <= G10Constants.NullRtol * lambda[0] + 1e-300), $"other eigenvalues not zero: [{string.Join(", ", lambda.Skip(1))}], {where}");
        ClaimAssert.Close("G10", $"Γ_p = 1, {where}", SoftmaxCovariance.Gamma(p), 1.0, G10Constants.Rtol);
        // The paper's "≈ 2ε" has relative error exactly ε.
        // λ carries ~1e-16 relative round-off, i.e. ~1e-16/ε relative error in (2ε − λ)/(2ε) = ε.
        ClaimAssert.Close("G10", $"(2ε − λ)/(2ε) = ε, {where}", (2 * eps - lambda[0]) / (2 * eps), eps, G10Constants.ExpansionRtol + 1e-15 / eps);
    }

    [Claim("G10")]
    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = G10Constants.PropertyCases, MaxFail = G10Constants.MaxDiscards)]
    public Property Collapsing_along_a_logit_ray_with_distinct_top_two_gamma_tends_to_1(ProbabilityCase c)
    {
        var sorted = c.Logits.OrderByDescending(z => z).ToArray();
        bool tied = sorted[0] == sorted[1] || (sorted.Length > 2 && sorted[1] == sorted[2]); // tied top logits: App. C's exception
        // Cold enough that the runner-up ε dominates the rest (δ ≤ ε²) but is far from underflow.
        double gap12 = (sorted[0] - sorted[1]) / 10.0, gap23 = sorted.Length > 2 ? (sorted[1] - sorted[2]) / 10.0 : double.PositiveInfinity;
        double beta = Math.Max(20 / gap12, 40 / Math.Min(gap23, 1e9));
        // Tied cases and rays whose cold point would underflow (β·gap > 600) are discarded, not passed.
        return Prop.When(!tied && beta * gap12 <= G10Constants.MaxLogitGap, () =>
        {
        var p = SoftmaxCovariance.Softmax(c.Logits.Select(z => z / 10.0 * beta).ToArray());
        var desc = p.OrderByDescending(x => x).ToArray();
        double eps = desc[1], delta = desc.Skip(2).Sum();
        var lambda = SoftmaxCovariance.Eigenvalues(p);
        string where = $"z/10 = [{string.Join(", ", c.Logits)}] × β = {beta:G4}: ε = {eps:E3}, δ = {delta:E3}";
        ClaimAssert.That("G10", Math.Abs(lambda[0] / (2 * eps) - 1) <= 2 * (eps + delta / eps) + G10Constants.RoundOff, $"λ₁/(2ε) = {lambda[0] / (2 * eps):R}, off 1 by more than 2(ε + δ/ε) = {2 * (eps + delta / eps):E3}, {where}; RoundOff = {G10Constants.RoundOff}");
        double gamma = SoftmaxCovariance.Gamma(p);
        ClaimAssert.That("G10", gamma - 1 <= 4 * (eps + delta / eps) + G10Constants.RoundOff, $"Γ_p − 1 = {gamma - 1:E3} > 4(ε + δ/ε) = {4 * (eps + delta / eps):E3}, {where}; RoundOff = {G10Constants.RoundOff}");
        });
    }

    [Claim("G11")]
    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = G11Constants.PropertyCases)]
    public void Eigenvalues_interlace_the_sorted_entries_and_ones_is_in_the_null_space(ProbabilityCase c)
    {
        var p = c.P;
        var sorted = p.OrderByDescending(x => x).ToArray();
        var lambda = SoftmaxCovariance.Eigenvalues(p);
        const double tol = G11Constants.Tolerance;
        for (int i = 0; i + 1 < p.Length; i++)
            ClaimAssert.That("G11", sorted[i] + tol >= lambda[i] && lambda[i] >= sorted[i + 1] - tol,
                $"p_({i + 1}) = {sorted[i]:R} ≥ λ_{i + 1} = {lambda[i]:R} ≥ p_({i + 2}) = {sorted[i + 1]:R} fails for {c}");
        ClaimAssert.That("G11", Math.Abs(lambda[^1]) <= tol, $"smallest eigenvalue {lambda[^1]:E3} ≠ 0 for {c}");
        var m = SoftmaxCovariance.Matrix(p);
        for (int i = 0; i < p.Length; i++)
        {
            double row = Enumerable.Range(0, p.Length).Sum(j => m[i, j]);
            ClaimAssert.That("G11", Math.Abs(row) <= tol, $"(M·1)_{i} = {row:E3} ≠ 0 for {c}");
        }
    }

    [Claim("G11")]
    [TestCase(2)]
    [TestCase(5)]
    [TestCase(10)]
    public void Uniform_p_has_K_minus_1_eigenvalues_equal_to_1_over_K(int k)
    {
        var lambda = SoftmaxCovariance.Eigenvalues(Enumerable.Repeat(1.0 / k, k).ToArray());
        for (int i = 0; i < k - 1; i++) ClaimAssert.Close("G11", $"λ_{i + 1} for uniform K = {k}", lambda[i], 1.0 / k, G11Constants.UniformRtol);
        ClaimAssert.That("G11", Math.Abs(lambda[k - 1]) < G11Constants.UniformNull, $"λ_K = {lambda[k - 1]:E3} for uniform K = {k} (|λ_K| must be < {G11Constants.UniformNull})");
    }
}
