
namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G2: with T = α^L, ∇L_{αθ,T} = α⁻¹ ∇L_{θ,1} (paper 000 Eq. 3 and after).</summary>
[Claim("G2")]
public sealed class ScaledGradientTests
{
    private static Tensor Gradient(NetCase net, Tensor theta, double temperature, bool bias = false)
    {
        using var data = net.Data();
        var objective = new Objective(net.Model(bias), data, new CrossEntropy(temperature));
        return objective.ValueAndGradient(theta).Gradient;
    }

    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = G2Constants.PropertyCases)]
    public void Gradient_at_temperature_alpha_L_is_alpha_inverse_times_unscaled(NetCase net, Scale scale)
    {
        using var scope = torch.NewDisposeScope();
        var theta = net.Theta(net.Model());
        double a = scale.Alpha;
        var scaled = Gradient(net, theta * a, Math.Pow(a, net.Depth));
        var expected = Gradient(net, theta, 1.0) / a;
        ClaimAssert.Close("G2", $"∇L(αθ, T = α^L) = α⁻¹∇L(θ, 1) for {net}, {scale}", scaled, expected, G2Constants.Rtol);
    }

    [TestCase(3.0)]
    [TestCase(0.3)]
    [Category(Categories.NegativeControl)]
    public void At_unit_temperature_the_scaled_gradient_differs(double alpha)
    {
        using var scope = torch.NewDisposeScope();
        var net = new NetCase(4, new[] { 5, 5 }, Goldilocks.Models.Activation.ReLU, 3, 6, 3);
        var theta = net.Theta(net.Model());
        var scaled = Gradient(net, theta * alpha, 1.0);
        var expected = Gradient(net, theta, 1.0) / alpha;
        double err = ClaimAssert.RelativeError(scaled, expected);
        TestContext.Out.WriteLine($"[G2 control] T = 1, α = {alpha}: relative deviation {err:E3}");
        ClaimAssert.That("G2", err > G2Constants.MinControlDeviation, $"with T = 1 instead of α^L the identity should fail, deviation only {err:E3} ≤ {G2Constants.MinControlDeviation}");
    }
}
