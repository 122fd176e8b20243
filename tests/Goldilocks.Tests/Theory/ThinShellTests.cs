namespace Goldilocks.Tests.Theory;

/// <summary>
/// The thin-shell closed forms of Fort &amp; Scherlis Sec. 2.2 (<see cref="ThinShell"/>): the χ_P mean and relative
/// width against the exact Γ-ratio products Γ((P+1)/2)/Γ(P/2) = (√π/2)∏(2k+1)/(2k) or ∏2k/(2k−1)/√π, evaluated in
/// 28-digit decimal arithmetic (so the cancellation in P/m² − 1 costs the oracle nothing), against the identity
/// E χ_P · E χ_{P+1} = P (from Γ(x+½)/Γ(x) · Γ(x+1)/Γ(x+½) = x), against hand values (χ_1, Rayleigh); log Γ against
/// factorials, √π and the recurrence Γ(x+1) = xΓ(x); the variance sums against hand arithmetic; and every argument check.
/// </summary>
public sealed class ThinShellTests
{
    private const decimal Pi = 3.1415926535897932384626433833m;

    /// <summary>E χ_P and the squared relative width P/(Eχ_P)² − 1 from the Γ-ratio product, in decimal: for P = 2n,
    /// Eχ_P = √2 Γ(n+½)/Γ(n) = √(π/2)·Q with Q = ∏_{k=1}^{n−1}(2k+1)/(2k), so P/m² − 1 = 2P/(πQ²) − 1; for P = 2n+1,
    /// Eχ_P = √2 Γ(n+1)/Γ(n+½) = √(2/π)·W with W = ∏_{k=1}^{n} 2k/(2k−1), so P/m² − 1 = Pπ/(2W²) − 1. Each decimal
    /// operation rounds at ~1e-28 relative, so even 10⁶ of them leave w² = O(1/P) correct to far below float64.</summary>
    private static (double Mean, double WidthSquared) ChiOracle(long p)
    {
        long n = p / 2;
        decimal product = 1;
        if (p % 2 == 0)
        {
            for (long k = 1; k < n; k++) product = product * (2 * k + 1) / (2 * k);
            return (Math.Sqrt(Math.PI / 2) * (double)product, (double)(2m * p / (Pi * product * product) - 1));
        }
        for (long k = 1; k <= n; k++) product = product * (2 * k) / (2 * k - 1);
        return (Math.Sqrt(2 / Math.PI) * (double)product, (double)(p * Pi / (2 * product * product) - 1));
    }

    /// <summary>Absolute error bound of log(Eχ_P/√P) as the library forms it. For P &lt; 40 it is lnΓ(x+½) − lnΓ(x) − ½ln x
    /// (x = P/2): each lnΓ ≲ 34 carries a few units of its last place (7e-15) from Lanczos' (x+½)ln t − t terms, and
    /// 1.1e-14 is seen at P = 36, so 1.5e-14. For P ≥ 40 it is the asymptotic series in 1/x, whose first omitted term
    /// [B₁₀(½) − B₁₀]/(90x⁹) = −5115/(3041280x⁹) ≈ −0.00168/x⁹ (3.3e-15 at x = 20) dominates, plus the rounding of a few
    /// operations on |log| ≤ 0.007.</summary>
    private static double LogError(long p)
    {
        double x = p / 2.0;
        return p < 40 ? 1.5e-14 : 0.0017 / Math.Pow(x, 9) + 2e-16 / x;
    }

    [Test]
    public void Chi_mean_of_small_dimensions_is_the_hand_computed_gamma_ratio()
    {
        // Eχ_P = σ√2 Γ((P+1)/2)/Γ(P/2): P = 1: √2/Γ(½) = √(2/π); P = 2: √2 Γ(3/2) = √(π/2); P = 3: √2 Γ(2)/Γ(3/2) = 2√(2/π);
        // P = 4: √2 Γ(5/2)/Γ(2) = √2·¾√π = ¾√(2π). lnΓ of arguments ≤ 2.5 is good to ~2e-15 and exp/sqrt add a few units
        // in the last place, so 1e-14 relative.
        const double sigma = 2.5;
        var cases = new[] { (1L, Math.Sqrt(2 / Math.PI)), (2L, Math.Sqrt(Math.PI / 2)), (3L, 2 * Math.Sqrt(2 / Math.PI)), (4L, 0.75 * Math.Sqrt(2 * Math.PI)) };
        foreach (var (p, m) in cases)
            Assert.That(ThinShell.ChiMean(p, sigma), Is.EqualTo(sigma * m).Within(1e-14 * sigma * m), $"E‖θ‖ for P = {p}, σ = {sigma}: σ·{m:R}");
        Assert.That(ThinShell.ChiMean(2), Is.EqualTo(Math.Sqrt(Math.PI / 2)).Within(1e-14), "σ defaults to 1");
    }

    [TestCase(5L)]
    [TestCase(38L)]
    [TestCase(39L)]
    [TestCase(40L)]
    [TestCase(41L)]
    [TestCase(42L)]
    [TestCase(100L)]
    [TestCase(1001L)]
    [TestCase(60_000L)]
    public void Chi_mean_matches_the_decimal_gamma_ratio_product_on_both_sides_of_the_series_switch(long p)
    {
        // P < 40 goes through lnΓ(x+½) − lnΓ(x), P ≥ 40 through the asymptotic series of that difference in x = P/2;
        // its smallest kept term, 17/(14336x⁷), is 9e-13 at x = 20, so any wrong coefficient or sign shows. An error δ in
        // the log is a relative error δ in the mean; the oracle (~5e-16) and the library's exp, sqrt and product add 1e-15.
        var (mean, _) = ChiOracle(p);
        double got = ThinShell.ChiMean(p), tolerance = LogError(p) + 1e-15;
        Assert.That(got, Is.EqualTo(mean).Within(tolerance * mean), $"E χ_{p}: library {got:R} vs Γ-ratio product {mean:R} (relative {(got - mean) / mean:E2}, allowed {tolerance:E2})");
    }

    [Test]
    public void Consecutive_chi_means_multiply_to_the_dimension()
    {
        // Γ(x+½)/Γ(x) · Γ(x+1)/Γ(x+½) = Γ(x+1)/Γ(x) = x with x = P/2, so Eχ_P · Eχ_{P+1} = 2x = P exactly, across the
        // switch from lnΓ differences to the series at P = 40. Each mean is good to LogError + 1e-15 relative.
        for (long p = 1; p <= 150; p++)
        {
            double product = ThinShell.ChiMean(p) * ThinShell.ChiMean(p + 1), tolerance = LogError(p) + LogError(p + 1) + 2e-15;
            Assert.That(product, Is.EqualTo((double)p).Within(tolerance * p), $"Eχ_{p} · Eχ_{p + 1} = {product:R} vs P = {p} (allowed relative {tolerance:E2})");
        }
    }

    [TestCase(1L)]
    [TestCase(2L)]
    [TestCase(3L)]
    [TestCase(10L)]
    [TestCase(39L)]
    [TestCase(40L)]
    [TestCase(41L)]
    [TestCase(1001L)]
    [TestCase(49_999L)]
    [TestCase(50_001L)]
    [TestCase(60_000L)]
    [TestCase(200_000L)]
    [TestCase(1_000_001L)]
    public void Relative_width_matches_the_decimal_oracle(long p)
    {
        // w = √(P/m² − 1) with the cancellation done in decimal by the oracle. The library forms t = −2 log(m/√P) with an
        // absolute error δt = 2·LogError and expm1(t), as exp(t) − 1 for |t| ≥ 1e-5 (absolute error ≤ 2.3e-16) or by its
        // cubic Taylor polynomial below (relative error t³/24 ≤ 4e-17). So the relative error of w = √(expm1 t) is
        // ≤ ½(δt + 2.3e-16)/w² + 1e-15 (for P = 50 001 and beyond |t| < 1e-5, where that 2.3e-16 is not incurred).
        var (_, w2) = ChiOracle(p);
        double expected = Math.Sqrt(w2), got = ThinShell.RelativeWidth(p);
        double tolerance = 0.5 * (2 * LogError(p) + (p < 50_001 ? 2.3e-16 : 0)) / w2 + 1e-15;
        Assert.That(got, Is.EqualTo(expected).Within(tolerance * expected), $"std/mean of χ_{p}: library {got:R} vs oracle {expected:R} (relative {(got - expected) / expected:E2}, allowed {tolerance:E2})");
    }

    [Test]
    public void Relative_width_of_chi_one_and_Rayleigh_are_the_hand_values()
    {
        // χ_1 = |N(0,1)|: m² = 2/π, so w² = π/2 − 1. Rayleigh (P = 2): m² = π/2, so w² = 4/π − 1. 1e-14 as for the means.
        Assert.That(ThinShell.RelativeWidth(1), Is.EqualTo(Math.Sqrt(Math.PI / 2 - 1)).Within(1e-14), "P = 1: √(π/2 − 1)");
        Assert.That(ThinShell.RelativeWidth(2), Is.EqualTo(Math.Sqrt(4 / Math.PI - 1)).Within(1e-14), "P = 2: √(4/π − 1)");
    }

    [Test]
    public void Asymptotic_width_and_mode_radius_are_the_closed_forms()
    {
        Assert.That(ThinShell.AsymptoticRelativeWidth(8), Is.EqualTo(0.25), "1/√(2·8) = 1/4 exactly");
        Assert.That(ThinShell.AsymptoticRelativeWidth(2), Is.EqualTo(0.5), "1/√4 = 1/2 exactly");
        Assert.That(ThinShell.ModeRadius(5, 2), Is.EqualTo(4.0), "σ√(P − 1) = 2·√4 = 4 exactly");
        Assert.That(ThinShell.ModeRadius(10), Is.EqualTo(3.0), "σ defaults to 1: √9 = 3 exactly");
        Assert.That(ThinShell.ModeRadius(1, 3), Is.EqualTo(0.0), "P = 1: the density e^{-r²/2σ²} peaks at r = 0");
        // w² = 1/(2P) + 1/(8P²) + O(P⁻³), so w/w_asym = 1 + 1/(8P) + O(P⁻²): at P = 10⁶ the ratio is 1 + 1.25e-7.
        double ratio = ThinShell.RelativeWidth(1_000_000) / ThinShell.AsymptoticRelativeWidth(1_000_000);
        Assert.That(ratio - 1, Is.EqualTo(1.25e-7).Within(1e-12), $"w/w_asym − 1 = {ratio - 1:E6} vs 1/(8P)");
    }

    [Test]
    public void Log_gamma_matches_factorials_root_pi_and_the_recurrence_through_the_reflection_branch()
    {
        // lnΓ(n) = ln((n−1)!) with the factorial exact in double up to 22!; the Lanczos sum is good to ~1e-15 relative
        // in Γ, i.e. absolute in lnΓ, plus the rounding of lnΓ itself: 2e-15·max(1, |lnΓ|).
        double factorial = 1;
        for (int n = 1; n <= 23; n++)
        {
            if (n > 1) factorial *= n - 1;
            double expected = Math.Log(factorial), got = ThinShell.LogGamma(n);
            Assert.That(got, Is.EqualTo(expected).Within(2e-15 * Math.Max(1, Math.Abs(expected))), $"lnΓ({n}) = ln({n - 1}!) = {expected:R}, got {got:R}");
        }
        Assert.That(ThinShell.LogGamma(0.5), Is.EqualTo(0.5 * Math.Log(Math.PI)).Within(2e-15), "lnΓ(½) = ln√π");
        Assert.That(ThinShell.LogGamma(1.5), Is.EqualTo(0.5 * Math.Log(Math.PI) - Math.Log(2)).Within(2e-15), "lnΓ(3/2) = ln(√π/2)");
        // Below ½ the library reflects (Γ(x)Γ(1−x) = π/sin πx); Γ(x) = Γ(x+1)/x checks it against the direct branch
        // (x + 1 ≥ 1). Both sides are O(1) to O(7) with absolute errors ~2e-15 each: 1e-14.
        foreach (double x in new[] { 0.25, 0.1, 0.4, 1e-3 })
        {
            double got = ThinShell.LogGamma(x), expected = ThinShell.LogGamma(x + 1) - Math.Log(x);
            Assert.That(got, Is.EqualTo(expected).Within(1e-14), $"lnΓ({x}) = {got:R} vs lnΓ({x + 1}) − ln {x} = {expected:R}");
        }
        // Γ(x) = 1/x − γ + O(x) near 0: lnΓ(1e-10) = −ln(1e-10) − γ·1e-10 to O(1e-20).
        const double eulerGamma = 0.57721566490153286;
        Assert.That(ThinShell.LogGamma(1e-10), Is.EqualTo(-Math.Log(1e-10) - eulerGamma * 1e-10).Within(1e-14), "lnΓ(x) ≈ −ln x − γx for tiny x");
    }

    [Test]
    public void Kaiming_variances_are_two_over_fan_in_for_weights_and_zero_for_biases()
    {
        // MLP 3 → 2 → 2 with biases: fc1.weight [2, 3] (fan-in 3), fc1.bias [2], fc2.weight [2, 2] (fan-in 2), fc2.bias [2].
        var model = new Mlp(3, new[] { 2 }, 2, bias: true);
        double third = 2.0 / 3;
        double[] expected = [third, third, third, third, third, third, 0, 0, 1, 1, 1, 1, 0, 0];
        Assert.That(ThinShell.KaimingVariances(model), Is.EqualTo(expected), "2/3 × 6, 0 × 2, 2/2 × 4, 0 × 2");
        // Σσ² = 6·(2/3) + 4·1 = 8; Σσ⁴ = 6·(4/9) + 4 = 20/3; P_eff = 64/(20/3) = 9.6.
        Assert.That(ThinShell.ExpectedSquaredRadius(expected), Is.EqualTo(8).Within(4e-15), "E‖θ‖² = 6·(2/3) + 4 = 8");
        Assert.That(ThinShell.EffectiveDimension(expected), Is.EqualTo(9.6).Within(1e-14), "P_eff = 8²/(20/3) = 9.6");
    }

    [Test]
    public void Effective_dimension_is_the_participation_ratio_at_any_scale()
    {
        // (1 + 1 + 2)²/(1 + 1 + 4) = 16/6 = 8/3; equal variances give P; zeros count in P but not in P_eff.
        Assert.That(ThinShell.EffectiveDimension([1, 1, 2]), Is.EqualTo(8.0 / 3).Within(1e-15), "16/6");
        Assert.That(ThinShell.EffectiveDimension([3, 3, 3, 3]), Is.EqualTo(4).Within(1e-15), "equal variances: P = 4");
        Assert.That(ThinShell.EffectiveDimension([0, 5, 0]), Is.EqualTo(1).Within(1e-15), "one non-zero variance: 1");
        // P_eff is scale-free; at 1e200 Σσ⁴ would overflow and at 1e-170 it would underflow to 0 if formed directly.
        Assert.That(ThinShell.EffectiveDimension([1e200, 2e200]), Is.EqualTo(1.8).Within(1e-15), "(1 + 2)²/(1 + 4) = 9/5 at 1e200");
        Assert.That(ThinShell.EffectiveDimension([1e-170, 2e-170]), Is.EqualTo(1.8).Within(1e-15), "9/5 at 1e-170");
        Assert.That(ThinShell.ExpectedSquaredRadius([0, 2, 0.5]), Is.EqualTo(2.5), "0 + 2 + 0.5, zero variances allowed");
    }

    [Test]
    public void Bad_input_is_refused_with_a_message_naming_the_problem()
    {
        Assert.Multiple(() =>
        {
            foreach (long p in new[] { 0L, -3L })
            {
                Assert.That(() => ThinShell.ChiMean(p), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("dimension P must be ≥ 1"), $"ChiMean P = {p}");
                Assert.That(() => ThinShell.RelativeWidth(p), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("dimension P must be ≥ 1"), $"RelativeWidth P = {p}");
                Assert.That(() => ThinShell.AsymptoticRelativeWidth(p), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("dimension P must be ≥ 1"), $"AsymptoticRelativeWidth P = {p}");
                Assert.That(() => ThinShell.ModeRadius(p), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("dimension P must be ≥ 1"), $"ModeRadius P = {p}");
            }
            foreach (double sigma in new[] { 0, -1, double.NaN, double.PositiveInfinity })
                Assert.That(() => ThinShell.ChiMean(3, sigma), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("sigma must be a positive finite number"), $"σ = {sigma}");
            foreach (double x in new[] { 0, -0.5, -2, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
                Assert.That(() => ThinShell.LogGamma(x), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("log Γ needs a finite x > 0"), $"lnΓ({x})");
            Assert.That(() => ThinShell.KaimingVariances(null!), Throws.ArgumentNullException, "null model");
            Assert.That(() => ThinShell.ExpectedSquaredRadius(null!), Throws.ArgumentNullException, "null variances");
            Assert.That(() => ThinShell.EffectiveDimension(null!), Throws.ArgumentNullException, "null variances");
            foreach (var bad in new[] { Array.Empty<double>(), [1, -1], [-1], [2, double.NaN], [2, double.PositiveInfinity] })
            {
                string shown = $"[{string.Join(", ", bad)}]";
                Assert.That(() => ThinShell.ExpectedSquaredRadius(bad), Throws.ArgumentException.With.Message.Contains("variances must be a non-empty list of finite values ≥ 0"), $"E‖θ‖² of {shown}");
                Assert.That(() => ThinShell.EffectiveDimension(bad), Throws.ArgumentException.With.Message.Contains("variances must be a non-empty list of finite values ≥ 0"), $"P_eff of {shown}");
            }
            Assert.That(() => ThinShell.EffectiveDimension([0, 0]), Throws.ArgumentException.With.Message.Contains("all variances are zero"), "P_eff of zeros");
        });
    }
}
