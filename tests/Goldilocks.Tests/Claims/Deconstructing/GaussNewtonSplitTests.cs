using Goldilocks.Tests.Foundation;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>
/// G3: H = G + H-term with G = Jᵀ[diag(p) − ppᵀ]J/T² and H-term = Σ_k (p_k − y_k)/T ∇²z_k (Eq. 4): the three operators
/// against the explicit Jacobian form on generated nets, and H = G + H-term with the operators computed independently (H
/// by double backward of the loss, G by J v / Jᵀu passes, H-term as the Hessian of r·f with r frozen) on every dense
/// engine architecture.
/// </summary>
[Claim("G3")]
public sealed class GaussNewtonSplitTests
{
    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = 6)]
    public void Operators_match_the_explicit_Jacobian_form(NetCase net, TemperatureFactor t)
    {
        using var scope = torch.NewDisposeScope();
        var model = net.Model();
        using var data = net.Data();
        var theta = net.Theta(model);
        var dense = DenseCurvature.At(model, data, theta, t.Tau);
        var (g, h) = ExplicitGaussNewton.Decomposition(model, data, theta, t.Tau);
        string where = $"{net}, T = {t.Tau:G6}";
        ClaimAssert.Close("G3", $"G-term operator vs Jᵀ[diag(p) − ppᵀ]J/T², {where}", dense.GTerm, g, 1e-9);
        ClaimAssert.Close("G3", $"H-term operator vs Σ(p − y)/T ∇²z, {where}", dense.HTerm, h, 1e-9);
        ClaimAssert.Close("G3", $"Hessian (double backward) vs explicit G + H-term, {where}", dense.Hessian, g + h, 1e-9);
    }

    /// <summary>Round-off only (each entry is a sum of O(P·N) float64 products): 1e-10 relative.</summary>
    [TestCaseSource(typeof(EngineCases), nameof(EngineCases.DenseArchitecturesAndTemperatures))]
    public void Hessian_equals_GTerm_plus_HTerm(string architecture, double temperature)
    {
        using var scope = torch.NewDisposeScope();
        using var c = EngineCases.Create(architecture);
        var (h, g, hterm) = DenseCurvature.At(c.Model, c.Data, c.Theta, temperature, batchSize: 5);
        ClaimAssert.Close("G3", $"{architecture}, T = {temperature}: H = G + H-term", g + hterm, h, 1e-10);
    }
}
