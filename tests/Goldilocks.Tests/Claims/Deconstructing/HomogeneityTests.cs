using FsCheck;
using FsCheck.Fluent;

namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>
/// G1 (paper 000 Sec. 2): bias-free ReLU/LeakyReLU/linear MLPs and bias-free LeNet-5 are positively L-homogeneous,
/// f(αθ, x) = α^L f(θ, x), with L the number of weight layers, and every catalogue model declares its degree; biases or
/// tanh break it.
/// </summary>
[Claim("G1")]
public sealed class HomogeneityTests
{
    [ClaimProperty(Arbitrary = new[] { typeof(PrimaryArbitraries) }, MaxTest = G1Constants.PropertyCases)]
    public void Bias_free_mlp_logits_scale_as_alpha_to_the_L(NetCase net, Scale scale)
    {
        using var scope = torch.NewDisposeScope();
        var model = net.Model();
        model.HomogeneityDegree.Should().Be(net.Depth, "[G1] {0}: degree L = number of weight layers", net);
        using var data = net.Data();
        var theta = net.Theta(model);
        var scaled = model.Forward(theta * scale.Alpha, data.Inputs);
        var expected = model.Forward(theta, data.Inputs) * Math.Pow(scale.Alpha, net.Depth);
        ClaimAssert.Close("G1", $"f(αθ) = α^L f(θ) for {net}, {scale}", scaled, expected, G1Constants.Rtol);
    }

    [TestCase(Pooling.Max, 0.05)]
    [TestCase(Pooling.Average, 0.05)]
    [TestCase(Pooling.Max, 30.0)]
    [TestCase(Pooling.Average, 30.0)]
    public void Bias_free_lenet5_is_5_homogeneous(Pooling pooling, double alpha)
    {
        using var scope = torch.NewDisposeScope();
        var model = new LeNet5(channels: 1, size: 16, classes: 3, pooling: pooling);
        model.HomogeneityDegree.Should().Be(5, "[G1] bias-free LeNet-5 has 5 weight layers ({0} pooling)", pooling);
        var theta = model.InitialParameters(7);
        var x = torch.randn(new long[] { 4, 1, 16, 16 }, dtype: ScalarType.Float64, generator: new torch.Generator(8));
        var scaled = model.Forward(theta * alpha, x);
        var expected = model.Forward(theta, x) * Math.Pow(alpha, 5);
        ClaimAssert.Close("G1", $"LeNet-5 ({pooling} pooling), α = {alpha}", scaled, expected, G1Constants.Rtol);
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
        ClaimAssert.That("G1", err > G1Constants.MinControlDeviation, $"{model.Name}: homogeneity should fail without its premise, but the deviation is only {err:E3} ≤ {G1Constants.MinControlDeviation}");
    }

    private static readonly double[] Alphas = { 0.01, 0.5, 3, 100 };

    /// <summary>The catalogue with the degree each model must declare (counted by hand from the architecture).</summary>
    public static IEnumerable<TestCaseData> Catalogue()
    {
        yield return new TestCaseData(new Mlp(10, new[] { 8, 6 }, 4, Activation.ReLU), 3).SetArgDisplayNames("MLP-ReLU");
        yield return new TestCaseData(new Mlp(10, new[] { 8, 6 }, 4, Activation.LeakyReLU), 3).SetArgDisplayNames("MLP-LeakyReLU");
        yield return new TestCaseData(new Mlp(10, new[] { 8, 6 }, 4, Activation.Identity), 3).SetArgDisplayNames("MLP-Identity");
        yield return new TestCaseData(Mlp.LeNet300100(), 3).SetArgDisplayNames("LeNet-300-100");
        yield return new TestCaseData(new LeNet5(1, 28, 10, Pooling.Average), 5).SetArgDisplayNames("LeNet-5-avg-1x28x28");
        yield return new TestCaseData(new LeNet5(1, 28, 10, Pooling.Max), 5).SetArgDisplayNames("LeNet-5-max-1x28x28");
        yield return new TestCaseData(new LeNet5(3, 32, 10, Pooling.Average), 5).SetArgDisplayNames("LeNet-5-avg-3x32x32");
        yield return new TestCaseData(new LeNet5(3, 32, 10, Pooling.Max), 5).SetArgDisplayNames("LeNet-5-max-3x32x32");
        yield return new TestCaseData(Mlp.DeepLinear(10, new[] { 8, 8, 6 }, 4), 4).SetArgDisplayNames("DeepLinear-4");
        yield return new TestCaseData(new DiagonalLinearNetwork(3), 3).SetArgDisplayNames("DLN-3");
    }

    /// <summary>max over α ∈ {0.01, 0.5, 3, 100} of ‖f(αθ) - α^L f(θ)‖ / ‖α^L f(θ)‖ for seeded Gaussian inputs.</summary>
    private static double WorstViolation(FlatModel model, Tensor theta, int degree, long seed = 7)
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.randn(new[] { 4L }.Concat(model.InputShape).ToArray(), dtype: ScalarType.Float64, generator: new torch.Generator((ulong)seed));
        using var noGrad = torch.no_grad();
        var f = model.Forward(theta, x);
        return Alphas.Max(a => ClaimAssert.RelativeError(model.Forward(a * theta, x), Math.Pow(a, degree) * f));
    }

    /// <summary>Round-off: each layer's rescaling costs ≈ ε relative, so L·ε·(condition of the sums) ≪ <see cref="G1Constants.Rtol"/>.</summary>
    [TestCaseSource(nameof(Catalogue))]
    public void Catalogue_model_declares_its_degree_and_is_homogeneous(FlatModel model, int degree)
    {
        model.HomogeneityDegree.Should().Be(degree, $"[G1] {model.Name} has {degree} weight layers and no bias or tanh");
        using var theta = model.InitialParameters(11);
        double worst = WorstViolation(model, theta, degree);
        TestContext.Out.WriteLine($"{model}: worst relative violation over α ∈ {{{string.Join(", ", Alphas)}}} = {worst:E3}");
        ClaimAssert.That("G1", worst <= G1Constants.Rtol, $"{model.Name}: max_α ‖f(αθ) - α^{degree} f(θ)‖/‖α^{degree} f(θ)‖ = {worst:E3} > {G1Constants.Rtol}");
    }

    /// <summary>Negative controls: biases (set non-zero; Kaiming leaves them 0) or tanh make the model non-homogeneous:
    /// it declares null and no degree 0-6 fits, every one violated by more than 1% at some α.</summary>
    [Category(Categories.NegativeControl)]
    [TestCase(Activation.ReLU, true)]
    [TestCase(Activation.LeakyReLU, true)]
    [TestCase(Activation.Identity, true)]
    [TestCase(Activation.Tanh, false)]
    [TestCase(Activation.Tanh, true)]
    public void Models_with_bias_or_tanh_declare_no_degree_and_violate_homogeneity(Activation activation, bool bias)
    {
        var model = new Mlp(10, new[] { 8, 6 }, 4, activation, bias);
        model.HomogeneityDegree.Should().BeNull("[G1] a model with {0} and bias = {1} has no degree", activation, bias);
        using var scope = torch.NewDisposeScope();
        var theta = model.InitialParameters(12);
        foreach (var b in model.Blocks.Where(b => b.IsBias))
            theta.narrow(0, b.Offset, b.Count).fill_(0.5);
        var violations = Enumerable.Range(0, 7).Select(l => WorstViolation(model, theta, l)).ToArray();
        TestContext.Out.WriteLine($"{model.Name}: best-fitting degree violates by {violations.Min():E3}");
        ClaimAssert.That("G1", violations.Min() > G1Constants.MinViolation, $"{model.Name}: some degree fits to {violations.Min():E3} (≤ {G1Constants.MinViolation})");
    }

    /// <summary>FsCheck: any bias-free MLP with ReLU/LeakyReLU/identity (depth 1-4, widths 1-6) is homogeneous of degree
    /// depth. Widths and depth shrink towards 1, so a counterexample is the smallest failing architecture.</summary>
    [ClaimProperty(MaxTest = G1Constants.ArchitectureCases)]
    public Property Random_bias_free_MLPs_are_homogeneous_of_degree_depth()
    {
        var widths = Gen.Choose(1, 6).ListOf().Where(l => l.Count <= 3);
        var activation = Gen.Elements(Activation.ReLU, Activation.LeakyReLU, Activation.Identity);
        var arch = from hidden in widths
                   from act in activation
                   from inputs in Gen.Choose(1, 6)
                   from outputs in Gen.Choose(1, 4)
                   select (Hidden: hidden, Activation: act, Inputs: inputs, Outputs: outputs);
        return Prop.ForAll(arch.ToArbitrary(), a =>
        {
            var (hidden, act, inputs, outputs) = a;
            var model = new Mlp(inputs, hidden.ToArray(), outputs, act);
            using var theta = model.InitialParameters(hidden.Sum() + inputs);
            return model.HomogeneityDegree == hidden.Count + 1 && WorstViolation(model, theta, hidden.Count + 1) <= G1Constants.Rtol;
        });
    }
}
