
namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G9: Appendix C, Eq. 10-11 along p(S, ε).</summary>
[Claim("G9")]
public sealed class CollapseExpansionTests
{
    [ClaimProperty(MaxTest = G9Constants.PropertyCases)]
    public void Closed_forms_of_trace_and_frobenius_match_the_matrix(FsCheck.PositiveInt size, FsCheck.PositiveInt exponent)
    {
        int s = 2 + size.Get % 11, k = s + size.Get % 3;
        double eps = Math.Pow(10, -(exponent.Get % 60) / 10.0) / s;
        var p = CollapseExpansion.Probabilities(s, eps, k);
        var gamma = SoftmaxCovariance.Gamma(p);
        double closed = CollapseExpansion.TraceSquared(s, eps) / CollapseExpansion.FrobeniusSquared(s, eps);
        ClaimAssert.Close("G9", $"Γ_p² from the exact closed forms, S = {s}, K = {k}, ε = {eps:G4}", closed, gamma * gamma, G9Constants.Rtol);
    }

    [ClaimProperty(MaxTest = G9Constants.PropertyCases)]
    public void Leading_eps_squared_coefficients_and_the_limit(FsCheck.PositiveInt size, FsCheck.PositiveInt exponent)
    {
        int s = 2 + size.Get % 11;
        double eps = Math.Pow(10, -7 - exponent.Get % 3);
        string where = $"S = {s}, ε = {eps:G3}";
        double num = CollapseExpansion.TraceSquared(s, eps) / (eps * eps), den = CollapseExpansion.FrobeniusSquared(s, eps) / (eps * eps);
        // Corrections are O(ε) with coefficients ≤ 4S³ (numerator) and 2S³ (denominator).
        ClaimAssert.That("G9", Math.Abs(num - CollapseExpansion.NumeratorLeadingCoefficient(s)) <= 4.0 * s * s * s * eps, $"Tr²/ε² = {num:R} vs 4S² − 8S + 4, {where}");
        ClaimAssert.That("G9", Math.Abs(den - CollapseExpansion.DenominatorLeadingCoefficient(s)) <= 2.0 * s * s * s * eps, $"‖M‖_F²/ε² = {den:R} vs S² + S − 2, {where}");
        // Derived first-order correction: Γ² = lim (1 + c₁ε + O(ε²)), c₁ = S(S − 2)/(S + 2). Measured at ε' = 1e-5..4e-5:
        // rounding of 1 − (S − 1)ε' perturbs Γ² by ~1e-16/ε', i.e. (Γ²/lim − 1)/ε' by ~1e-6; the O(ε') term is ≲ S²ε'.
        double e1 = G9Constants.ExpansionStep * (1 + exponent.Get % 4);
        double g2 = Math.Pow(SoftmaxCovariance.Gamma(CollapseExpansion.Probabilities(s, e1, s)), 2), lim = CollapseExpansion.LimitGammaSquared(s);
        double c1 = (g2 / lim - 1) / e1, expected = CollapseExpansion.FirstOrderCoefficient(s);
        ClaimAssert.That("G9", Math.Abs(c1 - expected) <= 2.0 * s * s * e1 * (1 + expected) + G9Constants.ExpansionRoundOff,
            $"(Γ²/lim − 1)/ε = {c1:R} vs S(S − 2)/(S + 2) = {expected:R}, S = {s}, ε = {e1:G3}; ExpansionRoundOff = {G9Constants.ExpansionRoundOff}");
    }

    [TestCase(10, 3.0)]
    [TestCase(2, 1.0)]
    [TestCase(3, 1.6)]
    public void Named_limits(int s, double expected) =>
        ClaimAssert.Close("G9", $"4(S − 1)/(S + 2) at S = {s}", CollapseExpansion.LimitGammaSquared(s), expected, G9Constants.LimitRtol);
}
