using FsCheck;
using FsCheck.Fluent;
using static Goldilocks.Tests.Claims.WangRoberts.WangRobertsOracle;

namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>A two-parameter step case: θ in tenths, z = Θ^q, η = (Percent/100)·η* (η* the exact rotation threshold).</summary>
public sealed record StepCase(int Sharp, int Flat, int Q, int Percent)
{
    public TwoParameterDln Dln => new(EvenPolynomialLoss.Monomial(Q), Sharp / 10.0, Flat / 10.0);
    public double Eta => Percent / 100.0 * Dln.RotationThreshold;
    public override string ToString() => $"θ = ({Sharp / 10.0}, {Flat / 10.0}), z = Θ^{Q}, η = {Percent}% of η*";
}

public static class StepArbitraries
{
    public static Arbitrary<StepCase> StepCases() => Arb.From(
        from sharp in Gen.Choose(1, 12).SelectMany(m => Gen.Elements(m, -m))
        from ratio in Gen.Choose(12, 60)
        from sign in Gen.Elements(1, -1)
        from q in Gen.Elements(2, 4)
        from percent in Gen.Choose(5, 300)
        select new StepCase(sharp, sign * Math.Max(Math.Abs(sharp) * ratio / 10, Math.Abs(sharp) + 1), q, percent),
        c => new[] { c with { Q = 2 }, c with { Percent = 50 }, c with { Percent = 150 } }.Where(x => x != c));
}

/// <summary>W3, W4: the one-step update factors and the exact rotation threshold of the two-parameter DLN.</summary>
public sealed class WangRobertsDlnUpdateTests
{
    [ClaimProperty(Arbitrary = new[] { typeof(StepArbitraries) }, MaxTest = W3Constants.PropertyCases)]
    [Claim("W3")]
    public void One_step_multiplies_r1_and_Theta_by_the_exact_factors(StepCase c)
    {
        var dln = c.Dln;
        var next = Step(dln.Z, dln.Parameters, c.Eta);
        double r1Next = next[1] * next[1] - next[0] * next[0];
        // r₁' = θ₂'² − θ₁'² is a difference of squares: its round-off scales with θ₁'² + θ₂'², not with r₁' itself, which
        // can cancel to ~0 (e.g. θ = (0.6, −3), z = Θ⁴, η = 2.6 η*: the factor 1 − η²z'² is ~1e-300).
        double expectedR1 = dln.ImbalanceFactor(c.Eta) * dln.ParameterImbalance;
        double r1Scale = next[0] * next[0] + next[1] * next[1];
        ClaimAssert.That("W3", Math.Abs(r1Next - expectedR1) <= W3Constants.ImbalanceRtol * r1Scale,
            $"r₁' = (1 − η²z'²) r₁ at {c}: {r1Next:R} vs {expectedR1:R} (scale θ₁'² + θ₂'² = {r1Scale:E3}); ImbalanceRtol = {W3Constants.ImbalanceRtol}");
        double scale = Math.Abs(dln.Output) * (1 + Math.Abs(dln.S * c.Eta * dln.ZPrime) + Math.Pow(c.Eta * dln.ZPrime, 2));
        ClaimAssert.That("W3", Math.Abs(next[0] * next[1] - dln.OutputFactor(c.Eta) * dln.Output) <= W3Constants.OutputRtol * scale,
            $"Θ' = (1 − sηz' + η²z'²)Θ at {c}: {next[0] * next[1]:R} vs {dln.OutputFactor(c.Eta) * dln.Output:R}; OutputRtol = {W3Constants.OutputRtol}");
    }

    /// <summary>
    /// The sign of the step (App. B.2 writes Δθ₁ = +ηz'θ₂): r₁'s factor 1 − x² is even in x, so a gradient-ascent step
    /// multiplies r₁ by the same factor; Θ's factor is not: ascent gives 1 + sx + x², which differs from the descent
    /// factor 1 − sx + x² by 2sxΘ (sx = sηz' ≥ 2η|z'| > 0).
    /// </summary>
    [ClaimProperty(Arbitrary = new[] { typeof(StepArbitraries) }, MaxTest = W3Constants.PropertyCases)]
    [Claim("W3")]
    public void Ascent_step_keeps_the_r1_factor_and_only_Theta_needs_the_descent_sign(StepCase c)
    {
        var dln = c.Dln;
        var ascent = Step(dln.Z, dln.Parameters, -c.Eta);
        double r1Next = ascent[1] * ascent[1] - ascent[0] * ascent[0];
        double expectedR1 = dln.ImbalanceFactor(c.Eta) * dln.ParameterImbalance;
        double r1Scale = ascent[0] * ascent[0] + ascent[1] * ascent[1];
        ClaimAssert.That("W3", Math.Abs(r1Next - expectedR1) <= W3Constants.ImbalanceRtol * r1Scale,
            $"ascent step: r₁' = (1 − η²z'²) r₁ at {c}: {r1Next:R} vs {expectedR1:R} (scale θ₁'² + θ₂'² = {r1Scale:E3}); ImbalanceRtol = {W3Constants.ImbalanceRtol}");
        double thetaNext = ascent[0] * ascent[1];
        double scale = Math.Abs(dln.Output) * (1 + Math.Abs(dln.S * c.Eta * dln.ZPrime) + Math.Pow(c.Eta * dln.ZPrime, 2));
        double ascentFactor = 1 + dln.S * c.Eta * dln.ZPrime + Math.Pow(c.Eta * dln.ZPrime, 2);
        ClaimAssert.That("W3", Math.Abs(thetaNext - ascentFactor * dln.Output) <= W3Constants.OutputRtol * scale,
            $"ascent step: Θ' = (1 + sηz' + η²z'²)Θ at {c}: {thetaNext:R} vs {ascentFactor * dln.Output:R}; OutputRtol = {W3Constants.OutputRtol}");
        double descentGap = Math.Abs(thetaNext - dln.OutputFactor(c.Eta) * dln.Output);
        // sx = 2p for η = p·η* (x = 2p/s), so gap/scale = 4p/(1 + 2p + x²) ≥ 0.18 over p ∈ [0.05, 3], |s| ≥ 2.
        ClaimAssert.That("W3", descentGap > W3Constants.MinDescentGap * scale,
            $"ascent step at {c}: the descent factor 1 − sηz' + η²z'² must not fit Θ' (gap {descentGap:E3}, scale {scale:E3}); MinDescentGap = {W3Constants.MinDescentGap}");
    }

    [ClaimProperty(Arbitrary = new[] { typeof(StepArbitraries) }, MaxTest = W3Constants.PropertyCases, MaxFail = W3Constants.MaxDiscards)]
    [Claim("W3")]
    public Property Beta_ratio_gamma_beta_is_exact_for_monomial_z(StepCase c)
    {
        var dln = c.Dln;
        // A degenerate next Hessian (|γ_Θ| or |γ_r₁| < 1e-3) is discarded, not passed.
        return Prop.When(Math.Abs(dln.OutputFactor(c.Eta)) >= W3Constants.MinFactor && Math.Abs(dln.ImbalanceFactor(c.Eta)) >= W3Constants.MinFactor, () =>
        {
        var next = Step(dln.Z, dln.Parameters, c.Eta);
        double measured = BetaFromEigenvector(dln.Z, next) / BetaFromEigenvector(dln.Z, dln.Parameters);
        ClaimAssert.Close("W3", $"γ_β = |γ_r₁/γ_Θ| vs eigh at {c}", dln.BetaFactor(c.Eta), measured, W3Constants.BetaRtol);
        });
    }

    [Test]
    [Claim("W3")]
    [Category(Categories.NegativeControl)]
    public void Beta_ratio_is_only_approximate_for_a_non_monomial_z()
    {
        var z = new EvenPolynomialLoss((2, 1.0), (4, 1.0));
        var dln = new TwoParameterDln(z, 0.3, 1.5);
        double eta = 0.6 * dln.RotationThreshold;
        var next = Step(z, dln.Parameters, eta);
        double measured = BetaFromEigenvector(z, next) / BetaFromEigenvector(z, dln.Parameters);
        double err = Math.Abs(dln.BetaFactor(eta) / measured - 1);
        TestContext.Out.WriteLine($"z = Θ² + Θ⁴: γ_β formula {dln.BetaFactor(eta):R}, measured {measured:R}, relative gap {err:E3}");
        ClaimAssert.That("W3", err > W3Constants.MinPolynomialGap, $"the monomial-only identity should fail for z = Θ² + Θ⁴ (gap {err:E3} ≤ {W3Constants.MinPolynomialGap})");
    }

    [ClaimProperty(Arbitrary = new[] { typeof(StepArbitraries) }, MaxTest = W4Constants.PropertyCases, MaxFail = W4Constants.MaxDiscards)]
    [Claim("W4")]
    public Property Alignment_with_the_sharper_parameter_grows_below_and_shrinks_above_the_exact_threshold(StepCase c)
    {
        var dln = c.Dln;
        // On the threshold (tested separately) or the asymptote: discarded, not passed.
        return Prop.When(c.Percent != 100 && Math.Abs(dln.OutputFactor(c.Eta)) >= W4Constants.MinOutputFactor, () =>
        {
        var next = Step(dln.Z, dln.Parameters, c.Eta);
        double before = AlignmentWithTheta1(dln.Z, dln.Theta1, dln.Theta2), after = AlignmentWithTheta1(dln.Z, next[0], next[1]);
        ClaimAssert.That("W4", c.Percent < 100 ? after > before : after < before,
            $"|u₁/u₂| went {before:R} → {after:R} at {c} (η* = {dln.RotationThreshold:R})");
        });
    }

    [ClaimProperty(Arbitrary = new[] { typeof(StepArbitraries) }, MaxTest = W4Constants.ThresholdCases)]
    [Claim("W4")]
    public void At_the_threshold_the_alignment_is_unchanged_and_the_threshold_lies_above_2_over_lambda_max(StepCase c)
    {
        var dln = c.Dln;
        var next = Step(dln.Z, dln.Parameters, dln.RotationThreshold);
        double before = AlignmentWithTheta1(dln.Z, dln.Theta1, dln.Theta2), after = AlignmentWithTheta1(dln.Z, next[0], next[1]);
        ClaimAssert.Close("W4", $"|u₁/u₂| at η = η* ({c})", after, before, W4Constants.AlignmentRtol);
        ClaimAssert.That("W4", dln.RotationThreshold > dln.StabilityLimit,
            $"η* = {dln.RotationThreshold:R} must exceed 2/λ_max = {dln.StabilityLimit:R} ({c})");
        ClaimAssert.Close("W4", $"η* = 2(q−1)/tr H ({c})", dln.RotationThreshold,
            2.0 * (c.Q - 1) / (dln.ZSecond * (dln.Theta1 * dln.Theta1 + dln.Theta2 * dln.Theta2)), W4Constants.ThresholdRtol);
        if (c.Q == 2)
            ClaimAssert.That("W4", dln.RotationThreshold < dln.CoordinateStabilityLimit,
                $"quadratic z: η* = {dln.RotationThreshold:R} < η_eos = 2/H₁₁ = {dln.CoordinateStabilityLimit:R} ({c})");
    }

    [Test]
    [Claim("W4")]
    public void Figure1_learning_rates_fall_on_the_predicted_sides_of_the_threshold()
    {
        // Fig. 1: θ = (−0.1, 10), z = Θ², η ∈ {0.001, 0.0095, 0.011, 0.013}; the paper's η_eos = 0.01 is 2/H₁₁.
        var dln = new TwoParameterDln(EvenPolynomialLoss.Monomial(2), -0.1, 10);
        ClaimAssert.Close("W4", "η* = 1/(θ₁²+θ₂²)", dln.RotationThreshold, 1 / 100.01, W4Constants.Figure1Rtol);
        ClaimAssert.Close("W4", "η_eos = 2/H₁₁ = 1/θ₂²", dln.CoordinateStabilityLimit, 0.01, W4Constants.Figure1Rtol);
        TestContext.Out.WriteLine($"2/λ_max = {dln.StabilityLimit:R}, η* = {dln.RotationThreshold:R}, η_eos = {dln.CoordinateStabilityLimit:R}");
        double before = AlignmentWithTheta1(dln.Z, dln.Theta1, dln.Theta2);
        // The paper's rates: 0.001 and 0.0095 below η* (toward θ₁), 0.011 and 0.013 above (away).
        new[] { 0.001, 0.0095 }.Should().OnlyContain(eta => eta < dln.RotationThreshold, "[W4] Fig. 1 turns v₁ toward θ₁ at these rates");
        new[] { 0.011, 0.013 }.Should().OnlyContain(eta => eta > dln.RotationThreshold, "[W4] Fig. 1 turns v₁ away from θ₁ at these rates");
        var steps = new[] { 0.001, 0.0095, 0.011, 0.013 }.Select(eta =>
        {
            var next = Step(dln.Z, dln.Parameters, eta);
            return (eta, before, AlignmentWithTheta1(dln.Z, next[0], next[1]));
        }).ToArray();
        ClaimAssert.Holds(WangRobertsVerdicts.W4(dln, steps));
    }

    [Test]
    [Claim("W4")]
    public void Past_the_regrowth_threshold_the_unsigned_R2_grows_again_contrary_to_the_paper()
    {
        var dln = new TwoParameterDln(EvenPolynomialLoss.Monomial(2), 0.5, 2.0);
        double eta = 1.2 * dln.RegrowthThreshold;
        var next = dln.Step(eta);
        var oracleNext = Step(dln.Z, dln.Parameters, eta);
        double r2Before = Math.Max(AlignmentWithTheta1(dln.Z, 0.5, 2.0), 1 / AlignmentWithTheta1(dln.Z, 0.5, 2.0));
        double aAfter = AlignmentWithTheta1(dln.Z, oracleNext[0], oracleNext[1]);
        double r2After = Math.Max(aAfter, 1 / aAfter);
        TestContext.Out.WriteLine($"η = {eta:R}: R₂ {r2Before:R} → {r2After:R} (formula {next.RatioR2:R}); |u₁/u₂| → {aAfter:R}");
        ClaimAssert.Close("W4", "library R₂ after the step vs eigh", next.RatioR2, r2After, W4Constants.RatioRtol);
        ClaimAssert.That("W4", r2After > r2Before && aAfter < AlignmentWithTheta1(dln.Z, 0.5, 2.0),
            $"past s/(2z') the unsigned R₂ must grow ({r2Before:R} → {r2After:R}) while v₁ still turns away from θ₁ (|u₁/u₂| {AlignmentWithTheta1(dln.Z, 0.5, 2.0):R} → {aAfter:R})");
    }

    /// <summary>β recovered from the eigh eigenvector: R = max ratio, β = (R − 1/R)/2.</summary>
    private static double BetaFromEigenvector(EvenPolynomialLoss z, double[] theta)
    {
        double a = AlignmentWithTheta1(z, theta[0], theta[1]);
        double r = Math.Max(a, 1 / a);
        return (r - 1 / r) / 2;
    }
}
