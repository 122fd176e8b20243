namespace Goldilocks.Tests.Foundation;

/// <summary>
/// The contract of the built-in flat models, the parameter binding and the homogeneity measurement: argument checks
/// (each condition alone, with the message naming it), names, the parameter layout, forward passes against forward
/// passes written out with TorchSharp's functional ops, and the measurement record against closed forms.
/// </summary>
public sealed class ModelContractTests
{
    private static Tensor Randn(long seed, params long[] shape) =>
        torch.randn(shape, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)seed));

    private static double MaxAbsDiff(Tensor a, Tensor b) => (a - b).abs().max().ToDouble();

    [Test]
    public void Mlp_checks_its_widths_one_by_one()
    {
        FluentActions.Invoking(() => new Mlp(0, new[] { 3 }, 2)).Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "inputs").WithMessage("inputs must be ≥ 1*");
        FluentActions.Invoking(() => new Mlp(4, new[] { 3 }, 0)).Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "outputs").WithMessage("outputs must be ≥ 1*");
        FluentActions.Invoking(() => new Mlp(4, new[] { 3, 0 }, 2)).Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "hidden").WithMessage("every hidden width must be ≥ 1*");
        new Mlp(1, new[] { 1 }, 1).ParameterCount.Should().Be(2, "widths of 1 are allowed");
    }

    [Test]
    public void Mlp_names_layout_and_degree()
    {
        var relu = new Mlp(4, new[] { 3, 5 }, 2);
        relu.Name.Should().Be("MLP-4-3-5-2-ReLU");
        relu.ToString().Should().Be("MLP-4-3-5-2-ReLU (P = 37, L = 3)");
        relu.InputShape.Should().Equal(4);
        relu.Outputs.Should().Be(2);
        relu.WeightLayers.Should().Be(3);
        relu.HasBias.Should().BeFalse();
        relu.Activation.Should().Be(Activation.ReLU);
        relu.Blocks.Select(b => (b.Name, b.Layer, b.IsBias, b.Offset, b.FanIn)).Should().Equal(
            ("fc1.weight", 0, false, 0L, 4L), ("fc2.weight", 1, false, 12L, 3L), ("fc3.weight", 2, false, 27L, 5L));
        relu.Blocks.Select(b => string.Join("x", b.Shape)).Should().Equal("3x4", "5x3", "2x5");
        relu.HomogeneityDegree.Should().Be(3);

        var biased = new Mlp(4, Array.Empty<int>(), 2, Activation.Identity, bias: true);
        biased.Name.Should().Be("MLP-4-2-Identity-bias");
        biased.ToString().Should().Be("MLP-4-2-Identity-bias (P = 10, L = none)");
        biased.HasBias.Should().BeTrue();
        biased.WeightLayers.Should().Be(1, "a bias belongs to its weight's layer");
        biased.Blocks.Select(b => (b.Name, b.Layer, b.IsBias, b.Offset, b.Count)).Should().Equal(
            ("fc1.weight", 0, false, 0L, 8L), ("fc1.bias", 0, true, 8L, 2L));
        biased.HomogeneityDegree.Should().BeNull("biases break homogeneity");
        new Mlp(4, new[] { 3 }, 2, Activation.Tanh).HomogeneityDegree.Should().BeNull("tanh is not homogeneous");
        new Mlp(4, new[] { 3 }, 2, Activation.LeakyReLU).HomogeneityDegree.Should().Be(2);

        var lenet = Mlp.LeNet300100();
        (lenet.Name, lenet.ParameterCount, lenet.HomogeneityDegree, lenet.Activation, lenet.HasBias).Should().Be(("LeNet-300-100", 266200L, (int?)3, Activation.ReLU, false));
        var deep = Mlp.DeepLinear(4, new[] { 3, 3 }, 2);
        (deep.Name, deep.HomogeneityDegree, deep.Activation).Should().Be(("DeepLinear-4-3-3-2", (int?)3, Activation.Identity));
    }

    [TestCase(Activation.ReLU)]
    [TestCase(Activation.LeakyReLU)]
    [TestCase(Activation.Identity)]
    [TestCase(Activation.Tanh)]
    public void Mlp_forward_is_the_written_out_network(Activation activation)
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(4, new[] { 3 }, 2, activation, bias: true);
        var theta = Randn(1, model.ParameterCount);
        var x = Randn(2, 5, 4);
        var w1 = theta[..12].view(3, 4); var b1 = theta[12..15]; var w2 = theta[15..21].view(2, 3); var b2 = theta[21..23];
        var pre = x.matmul(w1.t()) + b1;
        var h = activation switch
        {
            Activation.ReLU => pre.clamp_min(0),
            Activation.LeakyReLU => torch.where(pre >= 0, pre, pre * 0.01),
            Activation.Identity => pre,
            _ => torch.tanh(pre),
        };
        var expected = h.matmul(w2.t()) + b2;
        double diff = MaxAbsDiff(model.Forward(theta, x), expected);
        diff.Should().BeLessThan(1e-14, $"Mlp({activation}) forward vs written out: max |Δ| = {diff:E2}");
    }

    [Test]
    public void LeNet5_checks_its_arguments_one_by_one()
    {
        FluentActions.Invoking(() => new LeNet5(channels: 0)).Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "channels").WithMessage("channels must be ≥ 1*");
        FluentActions.Invoking(() => new LeNet5(size: 15)).Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "size").WithMessage("LeNet-5 needs images of at least 16×16*");
        FluentActions.Invoking(() => new LeNet5(classes: 1)).Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "classes").WithMessage("classes must be ≥ 2*");
        new LeNet5(channels: 1, size: 16, classes: 2).Blocks[2].Shape.Should().Equal(120, 16);
    }

    [TestCase(28, 16L * 4 * 4)]
    [TestCase(32, 16L * 5 * 5)]
    public void LeNet5_layout(int size, long flat)
    {
        var model = new LeNet5(channels: 3, size: size, classes: 7, pooling: Pooling.Average);
        model.Name.Should().Be($"LeNet-5-3x{size}x{size}-Average");
        model.InputShape.Should().Equal(3, size, size);
        (model.Outputs, model.HomogeneityDegree, model.WeightLayers, model.Pooling).Should().Be((7, (int?)5, 5, Pooling.Average));
        model.Blocks.Select(b => (b.Name, b.Layer, b.IsBias, b.FanIn)).Should().Equal(
            ("conv1.weight", 0, false, 75L), ("conv2.weight", 1, false, 150L), ("fc1.weight", 2, false, flat),
            ("fc2.weight", 3, false, 120L), ("fc3.weight", 4, false, 84L));
        model.Blocks.Select(b => string.Join("x", b.Shape)).Should().Equal("6x3x5x5", "16x6x5x5", $"120x{flat}", "84x120", "7x84");
    }

    [TestCase(Pooling.Max)]
    [TestCase(Pooling.Average)]
    public void LeNet5_forward_is_the_written_out_network(Pooling pooling)
    {
        using var scope = torch.NewDisposeScope();
        var model = new LeNet5(channels: 1, size: 16, classes: 3, pooling: pooling);
        var theta = model.InitialParameters(4);
        var x = Randn(5, 2, 1, 16, 16);
        Tensor W(int i) => model.Blocks[i].Of(theta);
        // Pooling written out: the four entries of each 2×2 window.
        Tensor Pool(Tensor t)
        {
            var w = t.unfold(2, 2, 2).unfold(3, 2, 2).reshape(t.shape[0], t.shape[1], t.shape[2] / 2, t.shape[3] / 2, 4);
            return pooling == Pooling.Max ? w.amax(new long[] { -1 }) : w.mean(new long[] { -1 });
        }
        var h = Pool(torch.nn.functional.conv2d(x, W(0)).clamp_min(0));
        h = Pool(torch.nn.functional.conv2d(h, W(1)).clamp_min(0)).reshape(2, -1);
        h = h.matmul(W(2).t()).clamp_min(0);
        h = h.matmul(W(3).t()).clamp_min(0);
        var expected = h.matmul(W(4).t());
        double diff = MaxAbsDiff(model.Forward(theta, x), expected);
        diff.Should().BeLessThan(1e-12, $"LeNet-5 ({pooling}) forward vs written out: max |Δ| = {diff:E2}");
    }

    [Test]
    public void Forward_checks_theta_and_the_inputs()
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(4, new[] { 3 }, 2);
        var theta = model.InitialParameters(1);
        FluentActions.Invoking(() => model.Forward(torch.zeros(17, dtype: ScalarType.Float64), torch.zeros(2, 4, dtype: ScalarType.Float64)))
            .Should().Throw<ArgumentException>().WithMessage("*theta*18*");
        FluentActions.Invoking(() => model.Forward(theta, torch.zeros(2, 5, dtype: ScalarType.Float64)))
            .Should().Throw<ArgumentException>().WithMessage("MLP-4-3-2-ReLU expects inputs of shape [N, 4], got [2, 5]*");
        FluentActions.Invoking(() => model.Forward(theta, torch.zeros(2, 4, 1, dtype: ScalarType.Float64)))
            .Should().Throw<ArgumentException>().WithMessage("*expects inputs of shape [N, 4], got [2, 4, 1]*");
        FluentActions.Invoking(() => model.Forward(theta, torch.zeros(4, dtype: ScalarType.Float64)))
            .Should().Throw<ArgumentException>().WithMessage("*got [4]*");
        FluentActions.Invoking(() => model.Forward(theta, torch.zeros(2, 4, dtype: ScalarType.Float32)))
            .Should().Throw<ArgumentException>().WithMessage("*inputs*Float32*");
        model.Forward(theta, torch.zeros(2, 4, dtype: ScalarType.Float64)).shape.Should().Equal(2, 2);
        var lenet = new LeNet5(channels: 1, size: 16, classes: 3);
        FluentActions.Invoking(() => lenet.Forward(lenet.InitialParameters(1), torch.zeros(2, 1, 16, 15, dtype: ScalarType.Float64)))
            .Should().Throw<ArgumentException>().WithMessage("LeNet-5-1x16x16-Max expects inputs of shape [N, 1, 16, 16], got [2, 1, 16, 15]*");
    }

    [Test]
    public void Bind_uses_theta_itself_when_it_is_a_leaf_that_requires_grad()
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(4, new[] { 3 }, 2);
        FluentActions.Invoking(() => model.Bind(torch.zeros(5, dtype: ScalarType.Float64))).Should().Throw<ArgumentException>().WithMessage("*theta*");
        var leaf = model.InitialParameters(1).requires_grad_(true);
        var own = model.Bind(leaf);
        ReferenceEquals(own.Leaves.Single(), leaf).Should().BeTrue("a leaf that requires grad is bound as it is");
        (own.IsCurrent, own.Size).Should().Be((true, 18L));

        var plain = model.InitialParameters(1);
        var fresh = model.Bind(plain);
        var freshLeaf = fresh.Leaves.Single();
        ReferenceEquals(freshLeaf, plain).Should().BeFalse();
        (freshLeaf.requires_grad, freshLeaf.is_leaf, plain.requires_grad).Should().Be((true, true, false), "the leaf is a detached copy that requires grad; θ is untouched");
        using (torch.no_grad()) plain[0] = torch.tensor(7.0, dtype: ScalarType.Float64);
        freshLeaf[0].ToDouble().Should().Be(7.0, "the leaf shares θ's storage");

        var nonLeaf = leaf * 1.0;
        var bound = model.Bind(nonLeaf).Leaves.Single();
        (ReferenceEquals(bound, nonLeaf), bound.is_leaf, bound.requires_grad).Should().Be((false, true, true), "a non-leaf θ gets a detached leaf");
        var x = Randn(3, 2, 4);
        MaxAbsDiff(fresh.Forward(x), model.Forward(plain, x)).Should().Be(0);
    }

    [Test]
    public void Kaiming_initialization_is_seeded_and_converted()
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(4, new[] { 3 }, 2, bias: true);
        var a = model.InitialParameters(5);
        (a.dtype, a.device.type).Should().Be((ScalarType.Float64, DeviceType.CPU));
        torch.eq(a, model.InitialParameters(5)).all().item<bool>().Should().BeTrue("the same seed gives the same θ");
        torch.eq(a, model.InitialParameters(6)).all().item<bool>().Should().BeFalse();
        var f32 = model.InitialParameters(5, ScalarType.Float32);
        f32.dtype.Should().Be(ScalarType.Float32);
        MaxAbsDiff(f32.to(ScalarType.Float64), a).Should().BeLessThan(1e-6, "float32 is the rounded float64 draw");
        foreach (var b in model.Blocks.Where(b => b.IsBias)) b.Of(a).abs().max().ToDouble().Should().Be(0, $"{b.Name} starts at zero");
        foreach (var b in model.Blocks.Where(b => !b.IsBias)) b.Of(a).abs().max().ToDouble().Should().BeGreaterThan(0, $"{b.Name} is drawn");
    }

    [Test]
    public void Binding_flattens_and_splits_per_leaf()
    {
        using var scope = torch.NewDisposeScope();
        using var module = torch.nn.Sequential(torch.nn.Linear(3, 2, hasBias: true, dtype: ScalarType.Float64));
        using var model = new ModuleModel(module, new long[] { 3 }, "lin");
        var binding = model.Bind(model.CurrentParameters());
        binding.Size.Should().Be(8);
        binding.Leaves.Select(l => string.Join("x", l.shape)).Should().Equal("2x3", "2");

        FluentActions.Invoking(() => binding.Flatten(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => binding.Flatten(new[] { torch.zeros(6, dtype: ScalarType.Float64) })).Should().Throw<ArgumentException>()
            .WithMessage("expected 2 tensors (one per leaf), got 1*");
        FluentActions.Invoking(() => binding.Flatten(new[] { torch.zeros(6, dtype: ScalarType.Float64), torch.zeros(3, dtype: ScalarType.Float64) }))
            .Should().Throw<ArgumentException>().WithMessage("tensor 1 has 3 elements, leaf 1 has 2*");
        FluentActions.Invoking(() => binding.Flatten(new[] { torch.zeros(5, dtype: ScalarType.Float64), torch.zeros(2, dtype: ScalarType.Float64) }))
            .Should().Throw<ArgumentException>().WithMessage("tensor 0 has 5 elements, leaf 0 has 6*");
        var flat = torch.arange(8, dtype: ScalarType.Float64);
        var parts = binding.Split(flat);
        parts.Select(p => string.Join("x", p.shape)).Should().Equal("2x3", "2");
        parts[0].reshape(-1).data<double>().ToArray().Should().Equal(0, 1, 2, 3, 4, 5);
        parts[1].data<double>().ToArray().Should().Equal(6, 7);
        torch.eq(binding.Flatten(parts), flat).all().item<bool>().Should().BeTrue("Flatten inverts Split");
        FluentActions.Invoking(() => binding.Split(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => binding.Split(torch.zeros(7, dtype: ScalarType.Float64))).Should().Throw<ArgumentException>().WithMessage("*flat*");

        var single = new Mlp(3, Array.Empty<int>(), 2).Bind(torch.zeros(6, dtype: ScalarType.Float64));
        var v = torch.ones(6, dtype: ScalarType.Float64);
        ReferenceEquals(single.Flatten(new[] { v }), v).Should().BeTrue("one flat leaf is returned as it is");
        ReferenceEquals(single.Split(v).Single(), v).Should().BeTrue();
        single.Flatten(new[] { torch.ones(2, 3, dtype: ScalarType.Float64) }).shape.Should().Equal(6);
        using var matrixOnly = torch.nn.Sequential(torch.nn.Linear(3, 2, hasBias: false, dtype: ScalarType.Float64));
        using var oneMatrix = new ModuleModel(matrixOnly, new long[] { 3 }, "one-matrix");
        oneMatrix.Bind(oneMatrix.CurrentParameters()).Split(torch.arange(6, dtype: ScalarType.Float64)).Single().shape.Should().Equal(new long[] { 2, 3 }, "one leaf of rank 2 is split into its shape");
    }

    [Test]
    public void Binding_gradients_give_zeros_for_unreached_leaves_and_refuse_a_missing_extra()
    {
        using var scope = torch.NewDisposeScope();
        using var module = torch.nn.Sequential(torch.nn.Linear(3, 2, hasBias: true, dtype: ScalarType.Float64));
        using var model = new ModuleModel(module, new long[] { 3 }, "lin");
        var binding = model.Bind(model.CurrentParameters());
        var x = Randn(1, 4, 3);
        var weightOnly = (binding.Leaves[0] * binding.Leaves[0]).sum();
        var g = binding.Grad(weightOnly);
        MaxAbsDiff(g[..6], 2 * binding.Leaves[0].detach().reshape(-1)).Should().Be(0);
        g[6..].abs().max().ToDouble().Should().Be(0, "the bias does not reach the output");
        var extra = torch.ones(4, 2, dtype: ScalarType.Float64).requires_grad_(true);
        var output = (binding.Forward(x) * extra).sum();
        FluentActions.Invoking(() => binding.Grad(output, null!, null)).Should().Throw<ArgumentNullException>();
        var (parameters, e) = binding.Grad(output, extra, null);
        MaxAbsDiff(e, binding.Forward(x).detach()).Should().BeLessThan(1e-15);
        MaxAbsDiff(parameters[6..], torch.full(2, 4.0, dtype: ScalarType.Float64)).Should().BeLessThan(1e-15, "∂Σ logits/∂bias = N");
        var (weightOnlyGrad, extraGrad) = binding.Grad((binding.Leaves[0].sum() * extra).sum(), extra, null);
        weightOnlyGrad[6..].abs().max().ToDouble().Should().Be(0, "with an extra input too, a leaf the output does not reach gets zeros");
        MaxAbsDiff(weightOnlyGrad[..6], torch.full(6, 8.0, dtype: ScalarType.Float64)).Should().Be(0, "∂/∂W of Σ_{4×2} (ΣW)·1 = 8");
        MaxAbsDiff(extraGrad, torch.full(new long[] { 4, 2 }, binding.Leaves[0].sum().ToDouble(), dtype: ScalarType.Float64)).Should().BeLessThan(1e-15);
    }

    [Test]
    public void Homogeneity_checks_its_arguments_one_by_one()
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(4, new[] { 3 }, 2);
        var theta = model.InitialParameters(1);
        var x = Randn(2, 5, 4);
        FluentActions.Invoking(() => Homogeneity.Measure(null!, theta, x)).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "model");
        FluentActions.Invoking(() => Homogeneity.Measure(model, null!, x)).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "theta");
        FluentActions.Invoking(() => Homogeneity.Measure(model, theta, null!)).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "inputs");
        FluentActions.Invoking(() => Homogeneity.Measure(model, theta, x, maxDegree: 0)).Should().Throw<ArgumentException>().WithMessage("*maxDegree*");
        FluentActions.Invoking(() => Homogeneity.Measure(model, theta, x, maxDegree: 1001)).Should().Throw<ArgumentException>().WithMessage("*maxDegree*");
        var nan = theta.clone(); nan[0] = torch.tensor(double.NaN, dtype: ScalarType.Float64);
        FluentActions.Invoking(() => Homogeneity.Measure(model, nan, x)).Should().Throw<ArgumentException>().WithMessage("*theta*");
        foreach (var bad in new[] { Array.Empty<double>(), new[] { 2.0, 1.0 }, new[] { 0.0 }, new[] { -2.0 }, new[] { double.NaN }, new[] { double.PositiveInfinity } })
            FluentActions.Invoking(() => Homogeneity.Measure(model, theta, x, alphas: bad)).Should().Throw<ArgumentException>()
                .WithMessage("every α must be a positive finite number other than 1*", $"α = [{string.Join(", ", bad)}]");
        FluentActions.Invoking(() => Homogeneity.Measure(model, theta, x, tolerance: 0)).Should().Throw<ArgumentException>().WithMessage("*tolerance*");
        Homogeneity.Measure(model, theta, x, maxDegree: 1000).Degree.Should().Be(2, "maxDegree = 1000 is allowed");
        Homogeneity.Measure(model, theta, x, alphas: new[] { 4.0 }).Degree.Should().Be(2, "one α suffices");
    }

    [Test]
    public void Homogeneity_record_of_a_degree_two_network()
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(4, new[] { 3 }, 2);
        var theta = model.InitialParameters(1);
        var x = Randn(2, 5, 4);
        var m = Homogeneity.Measure(model, theta, x);
        (m.Degree, m.BestDegree, m.MaxDegree, m.Tolerance, m.Reason).Should().Be(((int?)2, 2, 20, 1e-10, (string?)null));
        m.Alphas.Should().Equal(0.5, 2.0, 3.0);
        m.RelativeError.Should().BeInRange(0, 1e-15, "f(αθ) = α²f(θ) up to round-off");
        Homogeneity.Measure(model, theta.to(ScalarType.Float32), x.to(ScalarType.Float32)).Tolerance.Should().Be(1e-4, "the float32 default");
        Homogeneity.Measure(model, theta, x, tolerance: 1e-3).Tolerance.Should().Be(1e-3);

        // With L = 1 only, the error is the closed form max over α of |α² − α|/α = max(0.5, 1, 2) = 2.
        var one = Homogeneity.Measure(model, theta, x, maxDegree: 1);
        (one.Degree, one.BestDegree, one.MaxDegree).Should().Be(((int?)null, 1, 1));
        one.RelativeError.Should().BeApproximately(2.0, 1e-13);
        one.Reason.Should().Be("f(αθ) ≠ α^L f(θ) for every L in 1..1 at α = 0.5, 2, 3: the closest, L = 1, is off by 2.00E+000 relative " +
                               "(tolerance 1E-010); biases or a non-homogeneous activation (e.g. tanh) break homogeneity");
        // Degree 3 seen with L ≤ 2 at α = 2: errors |2³ − 2^L|/2^L = 3 (L = 1) and 1 (L = 2); the best is kept, not the first.
        var three = Homogeneity.Measure(Mlp.DeepLinear(4, new[] { 3, 3 }, 2), Mlp.DeepLinear(4, new[] { 3, 3 }, 2).InitialParameters(2), x, maxDegree: 2, alphas: new[] { 2.0 });
        (three.Degree, three.BestDegree).Should().Be(((int?)null, 2));
        three.RelativeError.Should().BeApproximately(1.0, 1e-13);
        // A relative error equal to the tolerance is accepted (the same computation gives the same error).
        var atTolerance = Homogeneity.Measure(model, theta, x, maxDegree: 1, tolerance: one.RelativeError);
        (atTolerance.Degree, atTolerance.Reason).Should().Be(((int?)1, (string?)null));
    }

    [Test]
    public void Homogeneity_says_why_when_the_logits_are_zero_or_not_finite()
    {
        using var scope = torch.NewDisposeScope();
        var model = new Mlp(4, new[] { 3 }, 2);
        var x = Randn(2, 5, 4);
        var zero = Homogeneity.Measure(model, torch.zeros(model.ParameterCount, dtype: ScalarType.Float64), x);
        (zero.Degree, zero.BestDegree, double.IsNaN(zero.RelativeError)).Should().Be(((int?)null, 0, true));
        zero.Reason.Should().Be("f(θ) = 0 on the probe batch, so the degree cannot be measured");
        zero.Alphas.Should().Equal(0.5, 2.0, 3.0);
        var huge = model.InitialParameters(1) * 1e50; // logits ~1e100, their squared norm ~1e200
        var overflowF0 = Homogeneity.Measure(model, huge * 1e204, x);
        (overflowF0.Degree, overflowF0.Reason).Should().Be(((int?)null, "f(θ) is not finite on the probe batch"));
        double.IsNaN(overflowF0.RelativeError).Should().BeTrue();
        var overflowScaled = Homogeneity.Measure(model, huge, x, alphas: new[] { 1e150 });
        (overflowScaled.Degree, overflowScaled.Reason).Should().Be(((int?)null, "f(αθ) is not finite on the probe batch"));
        double.IsFinite(overflowScaled.RelativeError).Should().BeFalse();
    }

    [Test]
    public void Diagonal_linear_network_is_the_product_of_its_factors()
    {
        using var scope = torch.NewDisposeScope();
        FluentActions.Invoking(() => new DiagonalLinearNetwork(0)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("factors must be ≥ 1*").Which.ParamName.Should().Be("factors");
        var one = new DiagonalLinearNetwork(1);
        (one.Name, one.ParameterCount, one.HomogeneityDegree).Should().Be(("DLN-1", 1L, (int?)1));
        var model = new DiagonalLinearNetwork(3);
        (model.Name, model.ParameterCount, model.HomogeneityDegree, model.WeightLayers, model.Outputs).Should().Be(("DLN-3", 3L, (int?)3, 3, 1));
        model.Blocks.Select(b => (b.Name, b.Layer, b.FanIn)).Should().Equal(("theta1", 0, 1L), ("theta2", 1, 1L), ("theta3", 2, 1L));
        var theta = torch.tensor(new[] { 2.0, -3.0, 0.5 }, dtype: ScalarType.Float64);
        DiagonalLinearNetwork.Product(theta).ToDouble().Should().Be(-3.0);
        model.Forward(theta, torch.tensor(new[] { 1.0, 4.0 }, dtype: ScalarType.Float64).view(2, 1)).data<double>().ToArray().Should().Equal(-3.0, -12.0);
    }

    [Test]
    public void An_unknown_activation_is_refused()
    {
        using var scope = torch.NewDisposeScope();
        FluentActions.Invoking(() => ((Activation)9).Apply(torch.ones(2, dtype: ScalarType.Float64))).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("unknown activation*");
        ((Activation)9).IsPositivelyHomogeneous().Should().BeTrue("only Tanh is flagged as not homogeneous");
        Activation.Tanh.IsPositivelyHomogeneous().Should().BeFalse();
    }
}
