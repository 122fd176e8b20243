using FsCheck;
using FsCheck.Fluent;

namespace Goldilocks.Tests.Foundation;

/// <summary>
/// Paper 000 Sec. 2: the catalogue's bias-free piecewise-linear models are positively L-homogeneous,
/// f(αθ, x) = α^L f(θ, x), with L the number of weight layers; biases or tanh break it. Kaiming-normal initialization.
/// </summary>
public sealed class HomogeneityAndInitTests
{
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

    /// <summary>Round-off: each layer's rescaling costs ≈ ε relative, so L·ε·(condition of the sums) ≪ 1e-12.</summary>
    [Claim("G1")]
    [TestCaseSource(nameof(Catalogue))]
    public void Catalogue_model_declares_its_degree_and_is_homogeneous(FlatModel model, int degree)
    {
        model.HomogeneityDegree.Should().Be(degree, $"{model.Name} has {degree} weight layers and no bias or tanh");
        using var theta = model.InitialParameters(11);
        double worst = WorstViolation(model, theta, degree);
        TestContext.Out.WriteLine($"{model}: worst relative violation over α ∈ {{{string.Join(", ", Alphas)}}} = {worst:E3}");
        ClaimAssert.That("G1", worst <= 1e-12, $"{model.Name}: max_α ‖f(αθ) - α^{degree} f(θ)‖/‖α^{degree} f(θ)‖ = {worst:E3} > 1e-12");
    }

    /// <summary>Negative controls: biases (set non-zero; Kaiming leaves them 0) or tanh make the model non-homogeneous:
    /// it declares null and no degree 0-6 fits, every one violated by more than 1% at some α.</summary>
    [Claim("G1")]
    [Category(Categories.NegativeControl)]
    [TestCase(Activation.ReLU, true)]
    [TestCase(Activation.LeakyReLU, true)]
    [TestCase(Activation.Identity, true)]
    [TestCase(Activation.Tanh, false)]
    [TestCase(Activation.Tanh, true)]
    public void Models_with_bias_or_tanh_declare_no_degree_and_violate_homogeneity(Activation activation, bool bias)
    {
        var model = new Mlp(10, new[] { 8, 6 }, 4, activation, bias);
        model.HomogeneityDegree.Should().BeNull();
        using var scope = torch.NewDisposeScope();
        var theta = model.InitialParameters(12);
        foreach (var b in model.Blocks.Where(b => b.IsBias))
            theta.narrow(0, b.Offset, b.Count).fill_(0.5);
        var violations = Enumerable.Range(0, 7).Select(l => WorstViolation(model, theta, l)).ToArray();
        TestContext.Out.WriteLine($"{model.Name}: best-fitting degree violates by {violations.Min():E3}");
        ClaimAssert.That("G1", violations.Min() > 1e-2, $"{model.Name}: some degree fits to {violations.Min():E3}");
    }

    /// <summary>FsCheck: any bias-free MLP with ReLU/LeakyReLU/identity (depth 1-4, widths 1-6) is homogeneous of degree
    /// depth. Widths and depth shrink towards 1, so a counterexample is the smallest failing architecture.</summary>
    [Claim("G1")]
    [ClaimProperty(MaxTest = 25)]
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
            return model.HomogeneityDegree == hidden.Count + 1 && WorstViolation(model, theta, hidden.Count + 1) <= 1e-12;
        });
    }

    /// <summary>
    /// Kaiming-normal: weights of each block ~ N(0, 2/fan_in). For seeds 1-3 the standardised deviation of the sample
    /// standard deviation, z = (s/σ - 1)·√(2n), and of the mean, √n·m/σ, are within ±5. On the large blocks
    /// (n ≥ 1,000) that band is ≤ 11% of σ, so a wrong gain (1 instead of √2: -29%) or fan-out in place of fan-in fails.
    /// Calibration (<c>Kaiming_init_z_score_calibration</c>, 30 seeds × all blocks) is in that test's summary.
    /// </summary>
    [Category(Categories.Statistical)]
    [TestCase(1L)]
    [TestCase(2L)]
    [TestCase(3L)]
    public void Kaiming_init_has_per_block_std_sqrt_2_over_fan_in(long seed)
    {
        foreach (var model in InitModels())
        {
            using var theta = model.InitialParameters(SeedOffset.Apply(seed));
            foreach (var (block, zStd, zMean) in ZScores(model, theta))
            {
                ClaimAssert.That(EngineCases.Engine, Math.Abs(zStd) <= 5, $"{model.Name} {block.Name} (n = {block.Count}, fan-in {block.FanIn}), seed {seed}: std z-score {zStd:F2}");
                ClaimAssert.That(EngineCases.Engine, Math.Abs(zMean) <= 5, $"{model.Name} {block.Name}, seed {seed}: mean z-score {zMean:F2}");
            }
        }
    }

    /// <summary>
    /// Run: <c>dotnet test tests/Goldilocks.Tests -c Release --filter "Name~Kaiming_init_z_score_calibration"</c>.
    /// Seen (30 seeds × 11 blocks of LeNet-300-100, LeNet-5 3×32×32, MLP 10-8-6-4): std z in [-3.19, 2.58] (sd 0.95), mean
    /// z in [-3.12, 3.28] (sd 1.02), i.e. standard normal as the derivation says; the test's band ±5 is 1.5× the extreme
    /// of 330 draws.
    /// </summary>
    [Explicit("calibration run; prints the z-score distribution")]
    [Test]
    public void Kaiming_init_z_score_calibration()
    {
        var std = new List<double>();
        var mean = new List<double>();
        for (long seed = 1; seed <= 30; seed++)
            foreach (var model in InitModels())
            {
                using var theta = model.InitialParameters(seed);
                foreach (var (_, zs, zm) in ZScores(model, theta)) { std.Add(zs); mean.Add(zm); }
            }
        TestContext.Out.WriteLine($"{std.Count} block z-scores: std z in [{std.Min():F2}, {std.Max():F2}] (sd {Sd(std):F2}), mean z in [{mean.Min():F2}, {mean.Max():F2}] (sd {Sd(mean):F2})");
    }

    private static double Sd(List<double> x) => Math.Sqrt(x.Sum(v => (v - x.Average()) * (v - x.Average())) / (x.Count - 1));

    private static IEnumerable<FlatModel> InitModels() => new FlatModel[]
    {
        Mlp.LeNet300100(), new LeNet5(3, 32, 10, Pooling.Max), new Mlp(10, new[] { 8, 6 }, 4, Activation.ReLU, bias: true),
    };

    private static List<(ParameterBlock Block, double ZStd, double ZMean)> ZScores(FlatModel model, Tensor theta)
    {
        var result = new List<(ParameterBlock, double, double)>();
        foreach (var b in model.Blocks.Where(b => !b.IsBias))
        {
            using var scope = torch.NewDisposeScope();
            var w = b.Of(theta).flatten();
            double sigma = Math.Sqrt(2.0 / b.FanIn), n = b.Count;
            double s = Math.Sqrt(w.pow(2).sum().item<double>() / n); // known mean 0: the ML estimate of σ
            result.Add((b, (s / sigma - 1) * Math.Sqrt(2 * n), Math.Sqrt(n) * w.mean().item<double>() / sigma));
        }
        return result;
    }

    [Test]
    public void Kaiming_init_is_seed_reproducible_and_biases_are_zero()
    {
        var model = new Mlp(10, new[] { 8, 6 }, 4, Activation.ReLU, bias: true);
        using var a = model.InitialParameters(5);
        using var b = model.InitialParameters(5);
        using var c = model.InitialParameters(6);
        EngineCases.BitwiseEqual(a, b).Should().BeTrue("the same seed must give the same θ bit for bit");
        EngineCases.BitwiseEqual(a, c).Should().BeFalse("another seed must give another θ");
        foreach (var block in model.Blocks.Where(x => x.IsBias))
            block.Of(a).abs().max().item<double>().Should().Be(0, $"{block.Name} must be initialised to zero");
        model.Blocks.Count(x => x.IsBias).Should().Be(3);
    }
}
