
namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>
/// G4: Eq. 5 for any α and T, and its special case T = α^L: H', G', H-term' = α⁻² × unscaled, hence the same
/// positive curvature, local convexity and eigenvectors, on the full space and on a fixed subspace.
/// </summary>
[Claim("G4")]
public sealed class ScaledDecompositionTests
{
    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = G4Constants.PropertyCases)]
    public void Eq5_holds_for_any_alpha_and_temperature(NetCase net, Scale scale, TemperatureFactor t)
    {
        using var scope = torch.NewDisposeScope();
        var model = net.Model();
        using var data = net.Data();
        var theta = net.Theta(model);
        double a = scale.Alpha, temperature = Math.Pow(a, net.Depth) * t.Tau;
        var scaled = DenseCurvature.At(model, data, theta * a, temperature);
        var (g, h) = ExplicitGaussNewton.ScaledPrediction(model, data, theta, a, temperature, net.Depth);
        string where = $"{net}, {scale}, T = α^L·{t.Tau:G4} = {temperature:G6}";
        ClaimAssert.Close("G4", $"G(αθ, T) = α^(2L−2)/T² G(p'), {where}", scaled.GTerm, g, G4Constants.Rtol);
        ClaimAssert.Close("G4", $"H-term(αθ, T) = α^(L−2)/T H(p'), {where}", scaled.HTerm, h, G4Constants.Rtol);
    }

    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = G4Constants.PropertyCases)]
    [Category(Categories.Slow)]
    public void At_T_equal_alpha_L_every_term_scales_by_alpha_minus_2(NetCase net, Scale scale)
    {
        using var scope = torch.NewDisposeScope();
        var model = net.Model();
        using var data = net.Data();
        var theta = net.Theta(model);
        double a = scale.Alpha;
        var scaled = DenseCurvature.At(model, data, theta * a, Math.Pow(a, net.Depth));
        var expected = DenseCurvature.At(model, data, theta, 1.0).Times(1 / (a * a));
        AssertScaled($"full space, {net}, {scale}", scaled, expected);
    }

    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = G4Constants.PropertyCases)]
    public void At_T_equal_alpha_L_projected_terms_scale_by_alpha_minus_2(NetCase net, Scale scale, FsCheck.PositiveInt dimension)
    {
        using var scope = torch.NewDisposeScope();
        var model = net.Model();
        using var data = net.Data();
        var theta = net.Theta(model);
        int d = 1 + (dimension.Get - 1) % (int)Math.Min(8, model.ParameterCount);
        var basis = SubspaceBasis.Create(model.ParameterCount, d, net.Seed);
        double a = scale.Alpha;
        var scaled = DenseCurvature.At(model, data, theta * a, Math.Pow(a, net.Depth), basis);
        var expected = DenseCurvature.At(model, data, theta, 1.0, basis).Times(1 / (a * a));
        AssertScaled($"subspace d = {d}, {net}, {scale}", scaled, expected);
    }

    [TestCase(0.1)]
    [Category(Categories.Slow)]
    public void Lenet5_projected_hessian_scales_by_alpha_minus_2(double alpha)
    {
        using var scope = torch.NewDisposeScope();
        var model = new LeNet5(channels: 1, size: 16, classes: 3, pooling: Pooling.Max);
        using var data = new Goldilocks.Data.Dataset(
            torch.randn(new long[] { 3, 1, 16, 16 }, dtype: ScalarType.Float64, generator: new torch.Generator(5)),
            torch.tensor(new long[] { 0, 1, 2 }), 3, "gaussian-images");
        var theta = model.InitialParameters(11);
        var basis = SubspaceBasis.Create(model.ParameterCount, 3, 12);
        var scaled = DenseCurvature.At(model, data, theta * alpha, Math.Pow(alpha, 5), basis);
        var expected = DenseCurvature.At(model, data, theta, 1.0, basis).Times(1 / (alpha * alpha));
        AssertScaled($"LeNet-5 subspace d = 3, α = {alpha}", scaled, expected);
    }

    [TestCase("T = 1", 3.0)]
    [TestCase("T = 1", 0.3)]
    [TestCase("biases", 3.0)]
    [TestCase("tanh", 3.0)]
    [Category(Categories.NegativeControl)]
    public void Without_its_premise_the_alpha_minus_2_scaling_fails(string broken, double alpha)
    {
        using var scope = torch.NewDisposeScope();
        var net = new NetCase(3, new[] { 4, 3 }, broken == "tanh" ? Activation.Tanh : Activation.ReLU, 3, 6, 3);
        var model = net.Model(bias: broken == "biases");
        using var data = net.Data();
        var theta = net.Theta(model, biasScale: broken == "biases" ? 0.5 : 0);
        double temperature = broken == "T = 1" ? 1.0 : Math.Pow(alpha, net.Depth);
        var scaled = DenseCurvature.At(model, data, theta * alpha, temperature);
        var expected = DenseCurvature.At(model, data, theta, 1.0).Times(1 / (alpha * alpha));
        double err = ClaimAssert.RelativeError(scaled.Hessian, expected.Hessian);
        TestContext.Out.WriteLine($"[G4 control] {broken}, α = {alpha}: ‖H' − α⁻²H‖/‖α⁻²H‖ = {err:E3}");
        ClaimAssert.That("G4", err > G4Constants.MinControlDeviation, $"{broken}: H' = α⁻²H should fail without its premise, deviation only {err:E3} ≤ {G4Constants.MinControlDeviation}");
    }

    private static void AssertScaled(string where, DenseCurvature scaled, DenseCurvature expected)
    {
        ClaimAssert.Close("G4", $"H' = α⁻²H, {where}", scaled.Hessian, expected.Hessian, G4Constants.Rtol);
        ClaimAssert.Close("G4", $"G' = α⁻²G, {where}", scaled.GTerm, expected.GTerm, G4Constants.Rtol);
        ClaimAssert.Close("G4", $"H-term' = α⁻²H-term, {where}", scaled.HTerm, expected.HTerm, G4Constants.Rtol);
        var s = SymmetricEigen.Decompose(scaled.Hessian);
        var e = SymmetricEigen.Decompose(expected.Hessian);
        var ss = CurvatureSummary.FromEigenvalues(s.Eigenvalues);
        var es = CurvatureSummary.FromEigenvalues(e.Eigenvalues);
        if (es.PositiveCurvature is { } pc)
            ClaimAssert.Close("G4", $"positive curvature, {where}", ss.PositiveCurvature ?? double.NaN, pc, G4Constants.Rtol);
        ClaimAssert.That("G4", ss.LocalConvexity == es.LocalConvexity, $"local convexity {ss.LocalConvexity} vs {es.LocalConvexity}, {where}");
        // Top eigenvector, when it is separated from the next eigenvalue: |cos| = 1.
        int n = e.Eigenvalues.Length;
        double top = e.Eigenvalues[n - 1], gap = n > 1 ? top - e.Eigenvalues[n - 2] : top;
        if (gap > G4Constants.MinRelativeGap * Math.Abs(top))
        {
            double cos = Math.Abs(s.Eigenvectors[.., n - 1].dot(e.Eigenvectors[.., n - 1]).item<double>());
            ClaimAssert.That("G4", 1 - cos < G4Constants.EigenvectorTolerance, $"top eigenvector |cos| = {cos:R}, 1 − |cos| = {1 - cos:E3} ≥ {G4Constants.EigenvectorTolerance} (gap {gap:E3}), {where}");
        }
    }
}
