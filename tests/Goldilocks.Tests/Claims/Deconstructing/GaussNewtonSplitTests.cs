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
    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = G3Constants.PropertyCases)]
    public void Operators_match_the_explicit_Jacobian_form(NetCase net, TemperatureFactor t)
    {
        using var scope = torch.NewDisposeScope();
        var model = net.Model();
        using var data = net.Data();
        var theta = net.Theta(model);
        var dense = DenseCurvature.At(model, data, theta, t.Tau);
        var (g, h) = ExplicitGaussNewton.Decomposition(model, data, theta, t.Tau);
        string where = $"{net}, T = {t.Tau:G6}";
        ClaimAssert.Close("G3", $"G-term operator vs Jᵀ[diag(p) − ppᵀ]J/T², {where}", dense.GTerm, g, G3Constants.Rtol);
        ClaimAssert.Close("G3", $"H-term operator vs Σ(p − y)/T ∇²z, {where}", dense.HTerm, h, G3Constants.Rtol);
        ClaimAssert.Close("G3", $"Hessian (double backward) vs explicit G + H-term, {where}", dense.Hessian, g + h, G3Constants.Rtol);
    }

    /// <summary>Negative control: the G-term scaled by 1/T instead of 1/T² (Eq. 4 at temperature T) misses the operator by
    /// |1 − T| relative, far beyond the <see cref="G3Constants.Rtol"/> of the claim check, while the correct scaling passes.</summary>
    [Test]
    [Category(Categories.NegativeControl)]
    public void A_G_term_scaled_by_one_over_T_fails_the_explicit_form()
    {
        using var scope = torch.NewDisposeScope();
        const double temperature = G3Constants.ControlTemperature;
        var (model, data) = Fixtures.TinyReluNet(3);
        var theta = model.InitialParameters(3);
        var dense = DenseCurvature.At(model, data, theta, temperature);
        var p = torch.softmax(model.Forward(theta, data.Inputs) / temperature, 1);
        var unit = ExplicitGaussNewton.GTerm(ExplicitGaussNewton.Jacobian(model, theta, data.Inputs), p);
        double right = ClaimAssert.RelativeError(dense.GTerm, unit / (temperature * temperature));
        double wrong = ClaimAssert.RelativeError(dense.GTerm, unit / temperature);
        TestContext.Out.WriteLine($"T = {temperature}: relative error vs G/T² {right:E3}, vs G/T {wrong:E3}");
        ClaimAssert.That("G3", right <= G3Constants.Rtol, $"the explicit G/T² must match the operator: relative error {right:E3} > {G3Constants.Rtol}");
        ClaimAssert.That("G3", wrong > G3Constants.Rtol, $"the 1/T variant must fail: relative error {wrong:E3} ≤ {G3Constants.Rtol}");
    }

    /// <summary>Round-off only (each entry is a sum of O(P·N) float64 products): <see cref="G3Constants.SplitRtol"/> relative.</summary>
    [TestCaseSource(typeof(EngineCases), nameof(EngineCases.DenseArchitecturesAndTemperatures))]
    public void Hessian_equals_GTerm_plus_HTerm(string architecture, double temperature)
    {
        using var scope = torch.NewDisposeScope();
        using var c = EngineCases.Create(architecture);
        var (h, g, hterm) = DenseCurvature.At(c.Model, c.Data, c.Theta, temperature, batchSize: 5);
        ClaimAssert.Close("G3", $"{architecture}, T = {temperature}: H = G + H-term", g + hterm, h, G3Constants.SplitRtol);
    }
}
