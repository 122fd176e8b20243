
namespace Goldilocks.Tests.Reliability;

/// <summary>
/// Across α ∈ [1e-4, 1e4] and T ∈ [1e-4, 1e4] the loss, gradient and projected Hessian of the tiny
/// bias-free ReLU net (L = 3) stay finite and obey the exact scaling law of paper 000 Eq. 5 (claim G4): since
/// f(αθ)/T = f(θ)/(T/α^L), L_T(αθ) = L_{T'}(θ), α∇L_T(αθ) = ∇L_{T'}(θ) and α²H_T(αθ) = H_{T'}(θ) with T' = T/α^L.
/// Both sides are computed independently (one with scaled weights, one with the rescaled temperature), so the
/// identity is an oracle; effective temperatures reach 1e-16 and 1e16, deep into softmax collapse and uniformity.
/// </summary>
[Claim("G4")]
public sealed class NumericalRangeTests
{
    private static readonly double[] Decades = { 1e-4, 1e-3, 1e-2, 1e-1, 1, 1e1, 1e2, 1e3, 1e4 };
    private static readonly double[] Coarse = { 1e-4, 1e-2, 1, 1e2, 1e4 };

    private static Objective At(Mlp model, Goldilocks.Data.Dataset data, double t) => new(model, data, new CrossEntropy(t));

    [Test]
    public void Loss_and_gradient_are_finite_and_follow_the_scaling_law_over_eight_decades()
    {
        var (model, data) = Fixtures.TinyReluNet();
        using var _ = data;
        int l = model.HomogeneityDegree!.Value;
        double worstLoss = 0, worstGrad = 0;
        foreach (double alpha in Decades)
        foreach (double t in Decades)
        {
            using var scope = torch.NewDisposeScope();
            var theta = model.InitialParameters(3);
            double tPrime = t / Math.Pow(alpha, l);
            var (loss, grad) = At(model, data, t).ValueAndGradient(theta * alpha);
            var (lossRef, gradRef) = At(model, data, tPrime).ValueAndGradient(theta);
            ClaimAssert.That("G4", double.IsFinite(loss) && torch.isfinite(grad).all().item<bool>(), $"non-finite loss/gradient at α={alpha:E0}, T={t:E0}");
            worstLoss = Math.Max(worstLoss, ClaimAssert.RelativeError(loss, lossRef));
            worstGrad = Math.Max(worstGrad, ClaimAssert.RelativeError(grad * alpha, gradRef));
            ClaimAssert.Close("G4", $"L_T(αθ) = L_T'(θ) at α={alpha:E0}, T={t:E0}, T'={tPrime:E1}", loss, lossRef, 1e-10);
            ClaimAssert.Close("G4", $"α∇L_T(αθ) = ∇L_T'(θ) at α={alpha:E0}, T={t:E0}, T'={tPrime:E1}", grad * alpha, gradRef, 1e-10);
        }
        TestContext.Out.WriteLine($"81 (α, T) pairs: worst relative error loss {worstLoss:E2}, gradient {worstGrad:E2}");
    }

    [Test]
    public void Projected_hessian_summary_is_finite_and_follows_the_scaling_law()
    {
        var (model, data) = Fixtures.TinyReluNet();
        using var _ = data;
        int l = model.HomogeneityDegree!.Value;
        double worst = 0;
        int nullPc = 0;
        foreach (double alpha in Coarse)
        foreach (double t in Coarse)
        {
            using var scope = torch.NewDisposeScope();
            var theta = model.InitialParameters(3);
            var basis = SubspaceBasis.Create(model.ParameterCount, 6, 9);
            double tPrime = t / Math.Pow(alpha, l);
            using var scaledPoint = new LinearizationPoint(At(model, data, t), theta * alpha);
            using var refPoint = new LinearizationPoint(At(model, data, tPrime), theta);
            using var scaled = ProjectedCurvature.Compute(scaledPoint, basis);
            using var reference = ProjectedCurvature.Compute(refPoint, basis);
            string where = $"α={alpha:E0}, T={t:E0}, T'={tPrime:E1}";
            double gAsymmetry = Asymmetry(reference.GTerm);
            ClaimAssert.That("G4", gAsymmetry <= 1e-10, $"VᵀGV is asymmetric ({gAsymmetry:E2}) at {where}: the softmax Hessian product lost precision");
            ClaimAssert.Close("G4", $"α²VᵀH_T(αθ)V = VᵀH_T'(θ)V at {where}", scaled.Hessian * (alpha * alpha), reference.Hessian, 1e-8);
            ClaimAssert.Close("G4", $"α²VᵀG_T(αθ)V = VᵀG_T'(θ)V at {where}", scaled.GTerm * (alpha * alpha), reference.GTerm, 1e-8);
            worst = Math.Max(worst, ClaimAssert.RelativeError(scaled.Hessian * (alpha * alpha), reference.Hessian));
            var s1 = CurvatureSummary.FromEigenvalues(SymmetricEigen.Eigenvalues(scaled.Hessian));
            var s2 = CurvatureSummary.FromEigenvalues(SymmetricEigen.Eigenvalues(reference.Hessian));
            ClaimAssert.That("G4", double.IsFinite(s1.Trace) && double.IsFinite(s1.Frobenius), $"non-finite Hessian summary at {where}");
            if (s2.PositiveCurvature is { } pc)
                ClaimAssert.Close("G4", $"PC invariant under the G4 rescaling at {where}", s1.RequirePositiveCurvature(), pc, 1e-8);
            else nullPc++;
            var g = CurvatureSummary.FromEigenvalues(SymmetricEigen.Eigenvalues(scaled.GTerm));
            ClaimAssert.That("G4", g.PositiveCurvature is null ? g.Frobenius == 0 : double.IsFinite(g.PositiveCurvature.Value), $"G-term PC is neither finite nor null at {where}");
        }
        TestContext.Out.WriteLine($"25 (α, T) pairs: worst relative error of the projected Hessian {worst:E2}; Hessian PC undefined in {nullPc}");
    }

    /// <summary>‖Aᵀ - A‖_F / ‖A‖_F; a G-term computed without cancellation is symmetric to round-off.</summary>
    private static double Asymmetry(Tensor a) => a.norm().item<double>() == 0 ? 0 : ClaimAssert.RelativeError(a.t(), a);

    /// <summary>
    /// Softmax collapse: at T' = 1e-12 every p is one-hot in float64, so diag(p) - ppᵀ and the G-term underflow to exactly 0.
    /// The summary must report PC = null (undefined) and PositiveCurvature.Of must throw, never print NaN; the
    /// Hessian (= H-term there) stays finite.
    /// </summary>
    [Test]
    public void Collapsed_softmax_reports_an_undefined_G_term_instead_of_NaN()
    {
        var (model, data) = Fixtures.TinyReluNet();
        using var _ = data;
        using var scope = torch.NewDisposeScope();
        var objective = At(model, data, 1e-12);
        var theta = model.InitialParameters(3);
        var p = ((CrossEntropy)objective.Loss).Probabilities(objective.Logits(theta));
        ClaimAssert.That("G4", (p.max(1).values == 1.0).all().item<bool>(), "premise: p is exactly one-hot for every sample at T = 1e-12");
        using var point = new LinearizationPoint(objective, theta);
        using var m = ProjectedCurvature.Compute(point, SubspaceBasis.Create(model.ParameterCount, 6, 9));
        var g = CurvatureSummary.FromEigenvalues(SymmetricEigen.Eigenvalues(m.GTerm));
        g.Frobenius.Should().Be(0);
        g.PositiveCurvature.Should().BeNull("Tr(G)/‖G‖_F is undefined when the G-term underflows to zero");
        FluentActions.Invoking(() => PositiveCurvature.Of(m.GTerm)).Should().Throw<ArgumentException>().WithMessage("*undefined for the zero matrix*");
        var h = CurvatureSummary.FromEigenvalues(SymmetricEigen.Eigenvalues(m.Hessian));
        h.PositiveCurvature.Should().NotBeNull();
        double.IsFinite(h.PositiveCurvature!.Value).Should().BeTrue();
        TestContext.Out.WriteLine($"collapsed softmax: ‖VᵀGV‖_F = {g.Frobenius}, Hessian PC = {h.PositiveCurvature:F6}, ‖VᵀHV‖_F = {h.Frobenius:E3}");
    }
}
