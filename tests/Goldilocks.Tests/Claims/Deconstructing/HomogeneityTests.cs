
namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>G1: bias-free ReLU/LeakyReLU/linear MLPs and bias-free LeNet-5 are L-homogeneous.</summary>
[Claim("G1")]
public sealed class HomogeneityTests
{
    private const double Rtol = 1e-12;

    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = 50)]
    public void Bias_free_mlp_logits_scale_as_alpha_to_the_L(NetCase net, Scale scale)
    {
        using var scope = torch.NewDisposeScope();
        var model = net.Model();
        model.HomogeneityDegree.Should().Be(net.Depth, "[G1] {0}: degree L = number of weight layers", net);
        using var data = net.Data();
        var theta = net.Theta(model);
        var scaled = model.Forward(theta * scale.Alpha, data.Inputs);
        var expected = model.Forward(theta, data.Inputs) * Math.Pow(scale.Alpha, net.Depth);
        ClaimAssert.Close("G1", $"f(αθ) = α^L f(θ) for {net}, {scale}", scaled, expected, Rtol);
    }

    [TestCase(Pooling.Max, 0.05)]
    [TestCase(Pooling.Average, 0.05)]
    [TestCase(Pooling.Max, 30.0)]
    [TestCase(Pooling.Average, 30.0)]
    public void Bias_free_lenet5_is_5_homogeneous(Pooling pooling, double alpha)
    {
        using var scope = torch.NewDisposeScope();
        var model = new LeNet5(channels: 1, size: 16, classes: 3, pooling: pooling);
        model.HomogeneityDegree.Should().Be(5);
        var theta = model.InitialParameters(7);
        var x = torch.randn(new long[] { 4, 1, 16, 16 }, dtype: ScalarType.Float64, generator: new torch.Generator(8));
        var scaled = model.Forward(theta * alpha, x);
        var expected = model.Forward(theta, x) * Math.Pow(alpha, 5);
        ClaimAssert.Close("G1", $"LeNet-5 ({pooling} pooling), α = {alpha}", scaled, expected, Rtol);
    }

    [TestCase(Activation.ReLU, true)]
    [TestCase(Activation.Tanh, false)]
    [Category(Categories.NegativeControl)]
    public void Biases_or_tanh_break_homogeneity(Activation activation, bool bias)
    {
        using var scope = torch.NewDisposeScope();
        var net = new NetCase(4, new[] { 5, 5 }, activation, 3, 6, 3);
        var model = net.Model(bias, activation);
        model.HomogeneityDegree.Should().BeNull("[G1] the library must not claim a degree for biases/tanh");
        using var data = net.Data();
        var theta = net.Theta(model, biasScale: bias ? 0.5 : 0);
        double alpha = 3;
        var scaled = model.Forward(theta * alpha, data.Inputs);
        var expected = model.Forward(theta, data.Inputs) * Math.Pow(alpha, 3);
        double err = ClaimAssert.RelativeError(scaled, expected);
        TestContext.Out.WriteLine($"[G1 control] {model.Name}: relative deviation from α^L f(θ) at α = 3: {err:E3}");
        ClaimAssert.That("G1", err > 0.05, $"{model.Name}: homogeneity should fail without its premise, but the deviation is only {err:E3}");
    }
}
