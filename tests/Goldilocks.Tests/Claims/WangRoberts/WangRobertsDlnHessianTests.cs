using static Goldilocks.Tests.Claims.WangRoberts.WangRobertsOracle;

namespace Goldilocks.Tests.Claims.WangRoberts;

/// <summary>W2, W5, W6: the DLN Hessian, its eigen-structure and its scale invariance, against autograd + eigh.</summary>
public sealed class WangRobertsDlnHessianTests
{
    [ClaimProperty(Arbitrary = new[] { typeof(WangRobertsArbitraries) }, MaxTest = W2Constants.PropertyCases)]
    [Claim("W2")]
    public void Two_parameter_Hessian_and_eigenvalues_match_Eq4_and_Eq5(DlnCase c)
    {
        var (t1, t2) = (c.Theta[0], c.Theta[^1]);
        var dln = new TwoParameterDln(c.Z, t1, t2);
        using var oracle = Derivatives(c.Z, dln.Parameters).Hessian;
        using var eq4 = ToTensor(dln.Hessian());
        ClaimAssert.Close("W2", $"Eq. 4 Hessian vs autograd at {c}", eq4, oracle, W2Constants.HessianRtol);
        var (top, bottom) = dln.Eigenvalues();
        var all = Top(c.Z, dln.Parameters).All;
        double scale = Math.Abs(all[1]) + Math.Abs(all[0]);
        ClaimAssert.That("W2", Math.Abs(top - all[1]) <= W2Constants.HessianRtol * scale && Math.Abs(bottom - all[0]) <= W2Constants.HessianRtol * scale,
            $"Eq. 5 eigenvalues ({top:R}, {bottom:R}) vs eigh ({all[1]:R}, {all[0]:R}), allowed {W2Constants.HessianRtol} × {scale:E3}, at {c}");
    }

    /// <summary>|θ₁| = |θ₂| (r₁ = 0: both ratios are 1, covered by the identity tests) is discarded, not passed: at most
    /// <see cref="W2Constants.MaxDiscards"/> per <see cref="W2Constants.PropertyCases"/> cases (beyond that FsCheck gives up
    /// and the test fails).</summary>
    [ClaimProperty(Arbitrary = new[] { typeof(WangRobertsArbitraries) }, MaxTest = W2Constants.PropertyCases, MaxFail = W2Constants.MaxDiscards)]
    [Claim("W2")]
    public FsCheck.Property Eigenvector_ratio_R2_of_Eq6_is_the_alignment_with_the_sharper_parameter(DlnCase c) =>
        FsCheck.Fluent.Prop.When(Math.Abs(c.Theta[0]) != Math.Abs(c.Theta[^1]), () => CheckRatioR2(c));

    private static void CheckRatioR2(DlnCase c)
    {
        var (t1, t2) = (c.Theta[0], c.Theta[^1]);
        var dln = new TwoParameterDln(c.Z, t1, t2);
        double measured = AlignmentWithTheta1(c.Z, t1, t2);
        // corrected Eq. 6: R₂ = max(|u₁/u₂|, |u₂/u₁|); |u₁/u₂| = sgn(r₁)β + √(β²+1)
        ClaimAssert.Close("W2", $"R₂ = β + √(β²+1) vs max ratio of eigh's v₁ at {c}", dln.RatioR2, Math.Max(measured, 1 / measured), W2Constants.RatioRtol);
        ClaimAssert.Close("W2", $"|u₁/u₂| = sgn(r₁)β + √(β²+1) at {c}", dln.AlignmentWithTheta1, measured, W2Constants.RatioRtol);
        if (t1 * t1 > t2 * t2)
            ClaimAssert.That("W2", Math.Abs(dln.RatioR2 - measured) > W2Constants.MinLiteralGap * measured,
                $"with θ₁² > θ₂² the paper's literal R₂ = |u₁/u₂| must fail (R₂ = {dln.RatioR2:R}, |u₁/u₂| = {measured:R}); MinLiteralGap = {W2Constants.MinLiteralGap}");
    }

    [Test]
    [Claim("W2")]
    public void Coupling_scale_r2_is_exactly_proportional_to_Theta_for_monomials()
    {
        foreach (int q in new[] { 2, 4, 6, 8 })
        {
            var dln = new TwoParameterDln(EvenPolynomialLoss.Monomial(q), 0.7, -1.9);
            ClaimAssert.Close("W2", $"r₂ = 2qΘ/(q−1) for q = {q}", dln.CouplingScale, 2.0 * q * dln.Output / (q - 1), W2Constants.CouplingRtol);
        }
    }

    [ClaimProperty(Arbitrary = new[] { typeof(WangRobertsArbitraries) }, MaxTest = W5Constants.PropertyCases)]
    [Claim("W5")]
    public void N_parameter_Hessian_matches_Appendix_C(DlnCase c)
    {
        var theta = c.Theta;
        double big = theta.Aggregate(1.0, (a, t) => a * t), zp = c.Z.First(big), zpp = c.Z.Second(big);
        double d = zpp * big * big + zp * big;
        int n = theta.Length;
        var appendixC = new double[n, n];
        for (int j = 0; j < n; j++)
            for (int k = 0; k < n; k++)
                appendixC[j, k] = d / (theta[j] * theta[k]) - (j == k ? zp * big / (theta[j] * theta[j]) : 0);
        using var oracle = Derivatives(c.Z, theta).Hessian;
        using var library = ToTensor(DiagonalLinearNetworkTheory.Hessian(c.Z, theta));
        using var paper = ToTensor(appendixC);
        ClaimAssert.Close("W5", $"App. C Hessian vs autograd at {c}", paper, oracle, W5Constants.PaperHessianRtol);
        ClaimAssert.Close("W5", $"library Hessian vs autograd at {c}", library, oracle, W5Constants.HessianRtol);
    }

    [ClaimProperty(Arbitrary = new[] { typeof(WangRobertsArbitraries) }, MaxTest = W5Constants.PropertyCases)]
    [Claim("W5")]
    public void Top_eigenvector_components_are_exactly_one_over_lambda_theta_plus_zTheta_over_theta(DlnCase c)
    {
        var theta = c.Theta;
        var (lambda, vector, _) = Top(c.Z, theta);
        ClaimAssert.Close("W5", $"secular-equation λ₁ vs eigh at {c}", DiagonalLinearNetworkTheory.TopEigenvalue(c.Z, theta), lambda, W5Constants.EigenvalueRtol);
        var closed = DiagonalLinearNetworkTheory.TopEigenvector(c.Z, theta);
        double cos = Cosine(closed, vector);
        ClaimAssert.That("W5", 1 - cos <= W5Constants.EigenvectorTolerance, $"|cos(u_closed, v₁)| = {cos:R}, 1 − |cos| = {1 - cos:E3} > {W5Constants.EigenvectorTolerance} at {c}");
        // Eq. 8: C = (λ₁ + z'Θ/θ_k²) u_k θ_k is the same for every k
        double big = theta.Aggregate(1.0, (a, t) => a * t), e = c.Z.First(big) * big;
        var constants = vector.Select((u, k) => (lambda + e / (theta[k] * theta[k])) * u * theta[k]).ToArray();
        double spread = constants.Max() - constants.Min(), size = constants.Max(Math.Abs);
        ClaimAssert.That("W5", spread <= W5Constants.ConstantsRtol * size, $"Eq. 8 constants {string.Join(", ", constants.Select(x => x.ToString("E6")))} spread by {spread:E3} > {W5Constants.ConstantsRtol} × {size:E3} at {c}");
    }

    [ClaimProperty(Arbitrary = new[] { typeof(WangRobertsArbitraries) }, MaxTest = W5Constants.PropertyCases)]
    [Claim("W5")]
    public void Top_eigenvector_is_close_to_the_output_gradient_with_a_proven_bound(DlnCase c)
    {
        var theta = c.Theta;
        var gradTheta = DiagonalLinearNetworkTheory.PartialProducts(theta);
        double cos = Cosine(Top(c.Z, theta).Vector, gradTheta);
        double bound = DiagonalLinearNetworkTheory.GradientAlignmentLowerBound(c.Z, theta);
        double uniform = 2 * Math.Sqrt(c.Q / (c.Q - 1.0)) / (1 + c.Q / (c.Q - 1.0));
        ClaimAssert.Close("W5", "uniform bound 2√κ/(1+κ), κ = q/(q−1)", DiagonalLinearNetworkTheory.GradientAlignmentUniformBound(c.Z, 1.3), uniform, W5Constants.BoundRtol);
        ClaimAssert.That("W5", cos >= bound - W5Constants.RoundOff && bound >= uniform - W5Constants.RoundOff,
            $"|cos(v₁, ∇Θ)| = {cos:R} ≥ Kantorovich bound {bound:R} ≥ {uniform:R} at {c}; RoundOff = {W5Constants.RoundOff}");
    }

    [Test]
    [Claim("W5")]
    public void Gradient_alignment_bound_is_nearly_attained_so_v1_is_not_exactly_the_gradient()
    {
        // One sharp parameter among flat ones: v₁ is tilted from ∇Θ by a visible angle (the paper's "≈").
        var z = EvenPolynomialLoss.Monomial(2);
        var theta = new[] { 0.5, 1.0, 1.0, 1.0 };
        double cos = Cosine(Top(z, theta).Vector, DiagonalLinearNetworkTheory.PartialProducts(theta));
        TestContext.Out.WriteLine($"|cos(v₁, ∇Θ)| = {cos:R}, bound {DiagonalLinearNetworkTheory.GradientAlignmentLowerBound(z, theta):R}");
        ClaimAssert.That("W5", cos < W5Constants.MaxTiltCosine, $"expected a visible tilt, |cos| = {cos:R} ≥ {W5Constants.MaxTiltCosine}");
    }

    [ClaimProperty(Arbitrary = new[] { typeof(WangRobertsArbitraries) }, MaxTest = W6Constants.PropertyCases)]
    [Claim("W6")]
    public void Hessian_scales_as_c_to_the_nq_minus_2_and_eigenvectors_are_scale_invariant(DlnCase c)
    {
        foreach (double scale in new[] { 0.5, -0.7, 1.9, -3.0 })
        {
            var theta = c.Theta;
            var scaled = theta.Select(t => scale * t).ToArray();
            using var h = Derivatives(c.Z, theta).Hessian;
            using var hs = Derivatives(c.Z, scaled).Hessian;
            double factor = Math.Pow(scale, theta.Length * c.Q - 2);
            ClaimAssert.Close("W6", $"H(cθ) = c^(nq−2) H(θ), c = {scale}, {c}", hs, h * factor, W6Constants.Rtol);
            double cos = Cosine(Top(c.Z, theta).Vector, Top(c.Z, scaled).Vector);
            ClaimAssert.That("W6", 1 - cos <= W6Constants.EigenvectorTolerance, $"|cos(v₁(θ), v₁(cθ))| = {cos:R}, 1 − |cos| = {1 - cos:E3} > {W6Constants.EigenvectorTolerance}, c = {scale}, {c}");
        }
    }

    /// <summary>Negative control: the loss's own degree c^(nq) (instead of c^(nq−2)) does not scale the Hessian.</summary>
    [Test]
    [Claim("W6")]
    [Category(Categories.NegativeControl)]
    public void The_loss_degree_nq_does_not_scale_the_Hessian()
    {
        var z = EvenPolynomialLoss.Monomial(2);
        var theta = new[] { 0.3, 1.1, -0.8 };
        const double scale = W6Constants.ControlScale;
        using var h = Derivatives(z, theta).Hessian;
        using var hs = Derivatives(z, theta.Select(t => scale * t).ToArray()).Hessian;
        double right = ClaimAssert.RelativeError(hs, h * Math.Pow(scale, 6 - 2));
        double wrong = ClaimAssert.RelativeError(hs, h * Math.Pow(scale, 6));
        TestContext.Out.WriteLine($"c = {scale}, nq = 6: relative error vs c^(nq−2) H {right:E3}, vs c^(nq) H {wrong:E3}");
        ClaimAssert.That("W6", right <= W6Constants.Rtol, $"c^(nq−2) must scale the Hessian: relative error {right:E3} > {W6Constants.Rtol}");
        ClaimAssert.That("W6", wrong > W6Constants.Rtol, $"c^(nq) must fail: relative error {wrong:E3} ≤ {W6Constants.Rtol}");
    }
}
