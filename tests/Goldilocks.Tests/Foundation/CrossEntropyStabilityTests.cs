
namespace Goldilocks.Tests.Foundation;

/// <summary>
/// Softmax collapse (paper 000 Sec. 3) makes p numerically one-hot; the logit-space pieces of the Gauss-Newton split must
/// keep full relative accuracy there, or the G-term and H-term past the zone's right edge are round-off noise.
/// Oracle for K = 2: M = p₁p₂[[1, −1], [−1, 1]] and r = (p₁ − 1, p₂) = (−p₂, p₂), with p₂ = 1/(1 + e^{z₁−z₂}).
/// </summary>
public sealed class CrossEntropyStabilityTests
{
    [TestCase(5.0)]
    [TestCase(40.0)]
    [TestCase(80.0)]
    [TestCase(600.0)]
    public void Logit_Hessian_product_and_residual_keep_relative_accuracy_under_collapse(double gap)
    {
        using var scope = torch.NewDisposeScope();
        var ce = new CrossEntropy(1.0);
        var logits = torch.tensor(new[] { gap, 0.0 }, dtype: ScalarType.Float64).view(1, 2);
        var u = torch.tensor(new[] { 0.3, -1.7 }, dtype: ScalarType.Float64).view(1, 2);
        double p2 = 1 / (1 + Math.Exp(gap)), p1 = 1 / (1 + Math.Exp(-gap));
        double m = p1 * p2 * (0.3 - -1.7);
        var mu = ce.LogitHessianProduct(logits, u).data<double>().ToArray();
        ClaimAssert.Close("G19", $"(Mu)₁ at logit gap {gap}", mu[0], m, 1e-13);
        ClaimAssert.Close("G19", $"(Mu)₂ at logit gap {gap}", mu[1], -m, 1e-13);
        var r = ce.Residual(logits, torch.tensor(new long[] { 0 })).data<double>().ToArray();
        ClaimAssert.Close("G19", $"r₁ = p₁ − 1 at logit gap {gap}", r[0], -p2, 1e-13);
        ClaimAssert.Close("G19", $"r₂ = p₂ at logit gap {gap}", r[1], p2, 1e-13);
    }

    [Test]
    [Category(Categories.NegativeControl)]
    public void The_naive_formula_loses_all_digits_under_collapse()
    {
        // The control that makes the test above meaningful: p⊙u − p(pᵀu) at a gap of 40 is pure round-off.
        using var scope = torch.NewDisposeScope();
        var p = torch.softmax(torch.tensor(new[] { 40.0, 0.0 }, dtype: ScalarType.Float64).view(1, 2), 1);
        var u = torch.tensor(new[] { 0.3, -1.7 }, dtype: ScalarType.Float64).view(1, 2);
        double naive = (p * u - p * (p * u).sum(1, keepdim: true)).data<double>()[0];
        double exact = (1 / (1 + Math.Exp(-40.0))) * (1 / (1 + Math.Exp(40.0))) * 2.0;
        ClaimAssert.RelativeError(naive, exact).Should().BeGreaterThan(1e-3);
    }
}
