using static TorchSharp.torch;

namespace Goldilocks.Tests.Modules;

/// <summary>
/// The contract of the module adapter and the TorchScript loader beyond the claims: each argument and output check
/// alone with the message naming it, the parameter layout read from the module, the generation counter, the initial
/// weights, disposal, and the file checks made before native code reads a file.
/// </summary>
public sealed class ModuleContractTests
{
    /// <summary>A linear map 4 → 3 (no bias) whose output the test reshapes with <see cref="Output"/>, before or after the
    /// model is made.</summary>
    private sealed class Reshaping : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Linear linear;

        public Func<Tensor, Tensor?> Output { get; set; } = y => y;

        public Reshaping() : base("reshaping")
        {
            linear = nn.Linear(4, 3, hasBias: false, dtype: ScalarType.Float64);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => Output(linear.call(x))!;
    }

    /// <summary>A callable that is not an nn.Module.</summary>
    private sealed class NotAModule : nn.IModule<Tensor, Tensor>
    {
        public Tensor call(Tensor input) => input;
    }

    private static nn.Module<Tensor, Tensor> Linear(bool bias = false) =>
        nn.Sequential(nn.Linear(4, 3, hasBias: bias, dtype: ScalarType.Float64), nn.ReLU(), nn.Linear(3, 2, hasBias: bias, dtype: ScalarType.Float64));

    private static Tensor Inputs(int n) => torch.randn(new long[] { n, 4 }, dtype: ScalarType.Float64, generator: new torch.Generator(11));

    [Test]
    public void Arguments_are_checked_one_by_one()
    {
        using var module = Linear();
        FluentActions.Invoking(() => new ModuleModel(null!, new long[] { 4 })).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "module");
        FluentActions.Invoking(() => new ModuleModel(module, null!)).Should().Throw<ArgumentNullException>().Where(e => e.ParamName == "inputShape");
        FluentActions.Invoking(() => new ModuleModel(module, new long[] { 4, 0 })).Should().Throw<ArgumentException>()
            .WithMessage("the input shape of one sample must be non-empty with positive sizes, got [4, 0]*");
        FluentActions.Invoking(() => new ModuleModel(module, new long[] { -1 })).Should().Throw<ArgumentException>().WithMessage("*got [-1]*");
        FluentActions.Invoking(() => new ModuleModel(new NotAModule(), new long[] { 4 })).Should().Throw<ArgumentException>()
            .WithMessage("NotAModule is not a TorchSharp nn.Module*");
        using var mixed = nn.Sequential(nn.Linear(4, 3, hasBias: false, dtype: ScalarType.Float64), nn.Linear(3, 2, hasBias: false, dtype: ScalarType.Float32));
        FluentActions.Invoking(() => new ModuleModel(mixed, new long[] { 4 }, "mixed")).Should().Throw<ArgumentException>()
            .WithMessage("mixed: parameter 1.weight is Float32 on *, but 0.weight is Float64 on *; all parameters must share one dtype and device*");
        using var model = new ModuleModel(module, new long[] { 4 });
        model.Name.Should().Be("Sequential", "the default name is the module's type name");
    }

    [Test]
    public void Outputs_that_are_not_N_by_K_logits_of_the_parameters_dtype_are_refused()
    {
        var cases = new (string Name, Func<Tensor, Tensor?> Output, string Message)[]
        {
            ("three-d", y => y.unsqueeze(2), "three-d must map inputs [N, 4] to logits [N, K], but for N = 8 it returned [8, 3, 1]*"),
            ("rows", y => y.narrow(0, 0, 4), "rows must map inputs [N, 4] to logits [N, K], but for N = 8 it returned [4, 3]*"),
            ("empty", y => y.narrow(1, 0, 0), "empty must map*returned [8, 0]*"),
            ("null", _ => null, "null must map inputs [N, 4] to logits [N, K], but for N = 8 it returned []*"),
            ("float32", y => y.to(ScalarType.Float32), "float32 returned logits of dtype Float32; its parameters have Float64*"),
        };
        foreach (var (name, output, message) in cases)
        {
            using var module = new Reshaping { Output = output };
            FluentActions.Invoking(() => new ModuleModel(module, new long[] { 4 }, name)).Should().Throw<ArgumentException>().WithMessage(message, name);
        }
    }

    [Test]
    public void Logits_of_the_wrong_shape_after_the_probe_are_refused()
    {
        using var module = new Reshaping();
        using var model = new ModuleModel(module, new long[] { 4 }, "reshaping");
        using var scope = torch.NewDisposeScope();
        var theta = model.CurrentParameters();
        model.Forward(theta, Inputs(3)).shape.Should().Equal(3, 3);
        var cases = new (Func<Tensor, Tensor?> Output, string Message)[]
        {
            (y => y.mean(new long[] { 0 }, keepdim: true).expand(8, 3), "reshaping returned logits of shape [8, 3] for 3 inputs; expected [3, 3]"),
            (y => y.narrow(1, 0, 2), "reshaping returned logits of shape [3, 2] for 3 inputs; expected [3, 3]"),
            (y => y.unsqueeze(2), "reshaping returned logits of shape [3, 3, 1] for 3 inputs; expected [3, 3]"),
        };
        foreach (var (output, message) in cases)
        {
            module.Output = output;
            FluentActions.Invoking(() => model.Forward(theta, Inputs(3))).Should().Throw<InvalidOperationException>().WithMessage(message);
        }
    }

    [Test]
    public void Layout_is_read_from_the_trainable_parameters()
    {
        using var module = Linear(bias: true);
        using var model = new ModuleModel(module, new long[] { 4 }, "biased");
        model.Blocks.Select(b => (b.Name, b.Layer, b.IsBias, b.Offset, b.FanIn)).Should().Equal(
            ("0.weight", 0, false, 0L, 4L), ("0.bias", 0, true, 12L, 1L), ("2.weight", 1, false, 15L, 3L), ("2.bias", 1, true, 21L, 1L));
        model.Blocks.Select(b => string.Join("x", b.Shape)).Should().Equal("3x4", "3", "2x3", "2");
        (model.ParameterCount, model.WeightLayers, model.Outputs, model.DType, model.Device.type).Should().Be((23L, 2, 2, ScalarType.Float64, DeviceType.CPU));
        ReferenceEquals(model.Module, module).Should().BeTrue();
        model.InputShape.Should().Equal(4);
        (model.HomogeneityDegree, model.Homogeneity.Degree).Should().Be(((int?)null, (int?)null), "biases break homogeneity");

        using var frozen = Linear();
        frozen.parameters().First().requires_grad_(false);
        using var partial = new ModuleModel(frozen, new long[] { 4 }, "frozen");
        partial.Blocks.Select(b => b.Name).Should().Equal(new[] { "2.weight" }, "a parameter that does not require grad is not part of θ");
        partial.ParameterCount.Should().Be(6);

        using var conv = nn.Sequential(nn.Conv2d(2, 3, 3, bias: false, dtype: ScalarType.Float64), nn.Flatten(), nn.Linear(3 * 2 * 2, 5, hasBias: false, dtype: ScalarType.Float64));
        using var cnn = new ModuleModel(conv, new long[] { 2, 4, 4 }, "cnn");
        cnn.Blocks.Select(b => (b.Layer, b.FanIn)).Should().Equal((0, 18L), (1, 12L));
        cnn.HomogeneityDegree.Should().Be(2);
        cnn.Homogeneity.RelativeError.Should().BeLessThan(1e-14);
        cnn.Homogeneity.Alphas.Should().Equal(Homogeneity.DefaultAlphas);
    }

    [Test]
    public void Binding_new_values_copies_them_and_advances_the_generation()
    {
        using var module = Linear();
        using var model = new ModuleModel(module, new long[] { 4 }, "relu");
        using var scope = torch.NewDisposeScope();
        var theta0 = model.CurrentParameters();
        model.Generation.Should().Be(Homogeneity.DefaultAlphas.Count + 1, "measuring the degree evaluates at αθ for each α, then restores θ");
        var first = model.Bind(theta0.clone());
        (model.Generation, first.IsCurrent).Should().Be((4L, true), "binding equal values copies nothing");

        var theta1 = theta0.clone();
        theta1[^1] = theta1[^1] + 0.5; // only the last leaf changes
        var second = model.Bind(theta1);
        (model.Generation, first.IsCurrent, second.IsCurrent).Should().Be((5L, false, true));
        torch.eq(model.CurrentParameters(), theta1).all().item<bool>().Should().BeTrue("θ was copied into the parameter tensors");
        model.Bind(theta1.clone());
        (model.Generation, second.IsCurrent).Should().Be((5L, true));

        var theta2 = theta0 * 2;
        var x = Inputs(5);
        var w1 = theta2[..12].view(3, 4); var w2 = theta2[12..].view(2, 3);
        var expected = x.matmul(w1.t()).clamp_min(0).matmul(w2.t());
        var logits = model.Forward(theta2, x);
        (logits - expected).abs().max().ToDouble().Should().BeLessThan(1e-15, "Forward evaluates at the θ it is given");
        (model.Generation, second.IsCurrent).Should().Be((6L, false));
        FluentActions.Invoking(() => second.Forward(x)).Should().Throw<InvalidOperationException>().WithMessage("the parameters of relu were overwritten*differentiating it would use outdated saved tensors. Rebuild it*");

        using (torch.no_grad())
        {
            var requiresGrad = theta0.clone().requires_grad_(true);
            model.Forward(requiresGrad, x).shape.Should().Equal(new long[] { 5, 2 }, "under no_grad a θ that requires grad is only read");
        }
        torch.eq(model.InitialWeights(), theta0).all().item<bool>().Should().BeTrue("the initial weights do not follow later bindings");
        model.InitialWeights().zero_();
        torch.eq(model.InitialWeights(), theta0).all().item<bool>().Should().BeTrue("InitialWeights returns a copy");
    }

    [Test]
    public void Disposal_stales_bindings_and_leaves_the_callers_module_usable()
    {
        using var module = Linear();
        var model = new ModuleModel(module, new long[] { 4 }, "relu");
        using var scope = torch.NewDisposeScope();
        var theta = model.CurrentParameters();
        var binding = model.Bind(theta);
        model.Dispose();
        binding.IsCurrent.Should().BeFalse();
        FluentActions.Invoking(() => model.CurrentParameters()).Should().Throw<ObjectDisposedException>();
        FluentActions.Invoking(() => model.InitialWeights()).Should().Throw<ObjectDisposedException>();
        FluentActions.Invoking(() => model.Bind(theta)).Should().Throw<ObjectDisposedException>();
        FluentActions.Invoking(() => model.Forward(theta, Inputs(2))).Should().Throw<ObjectDisposedException>();
        model.Dispose();
        module.call(Inputs(2)).shape.Should().Equal(2, 2);
    }

    [Test]
    public void TorchScript_files_are_checked_before_native_code_reads_them()
    {
        FluentActions.Invoking(() => TorchScriptModel.Load(TorchScriptFixtures.File("relu_mlp.pt"), (Dataset)null!)).Should().Throw<ArgumentNullException>();
        foreach (var blank in new[] { null!, "", "  " })
            FluentActions.Invoking(() => TorchScriptModel.Load(blank, new long[] { 784 })).Should().Throw<ArgumentException>()
                .WithMessage("a TorchScript file path is required*");
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "goldilocks-torchscript", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var shortFile = Path.Combine(folder, "short.pt");
            File.WriteAllBytes(shortFile, new byte[] { (byte)'P', (byte)'K', 3 });
            FluentActions.Invoking(() => TorchScriptModel.Load(shortFile, new long[] { 784 })).Should().Throw<InvalidDataException>()
                .WithMessage($"{shortFile} is not a TorchScript file: a file saved by torch.jit.save is a zip archive (it starts with \"PK\\x03\\x04\"), this one has only 3 bytes");
            var good = new byte[] { (byte)'P', (byte)'K', 3, 4, 0, 0 };
            for (int i = 0; i < 4; i++)
            {
                var bytes = good.ToArray();
                bytes[i] ^= 0x40;
                var file = Path.Combine(folder, $"bad{i}.pt");
                File.WriteAllBytes(file, bytes);
                FluentActions.Invoking(() => TorchScriptModel.Load(file, new long[] { 784 })).Should().Throw<InvalidDataException>()
                    .WithMessage($"{file} is not a TorchScript file: *this one does not", $"byte {i} of the magic is wrong");
            }
            var truncated = Path.Combine(folder, "truncated.pt");
            var relu = File.ReadAllBytes(TorchScriptFixtures.File("relu_mlp.pt"));
            File.WriteAllBytes(truncated, relu[..(relu.Length / 2)]);
            FluentActions.Invoking(() => TorchScriptModel.Load(truncated, new long[] { 784 })).Should().Throw<InvalidDataException>()
                .Where(e => !e.Message.Contains('\n'), "the message carries the first line of the native error only");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void TorchScript_model_is_named_after_its_file_and_converted()
    {
        var path = TorchScriptFixtures.File("relu_mlp.pt");
        using var model = TorchScriptModel.Load(path, new long[] { 784 }, ScalarType.Float32);
        (model.Path, model.Name, model.DType, model.Device.type, model.Outputs).Should().Be((path, "relu_mlp.pt", ScalarType.Float32, DeviceType.CPU, 10));
        model.Homogeneity.Tolerance.Should().Be(1e-4, "float32 parameters get the float32 tolerance");
        using var data = TorchScriptFixtures.Data("relu_mlp");
        using var fromData = TorchScriptModel.Load(path, data);
        (fromData.DType, fromData.InputShape.Length, fromData.InputShape[0]).Should().Be((ScalarType.Float64, 1, 784L));
    }

    /// <summary>The module is put in evaluation mode, so dropout is off and the loss is a deterministic function of θ.</summary>
    [Test]
    public void Module_is_put_in_evaluation_mode()
    {
        using var module = nn.Sequential(nn.Linear(4, 8, hasBias: false, dtype: ScalarType.Float64), nn.Dropout(0.5), nn.Linear(8, 3, hasBias: false, dtype: ScalarType.Float64));
        module.train();
        using var model = new ModuleModel(module, new long[] { 4 }, "dropout");
        using var scope = torch.NewDisposeScope();
        module.training.Should().BeFalse();
        var theta = model.CurrentParameters();
        var x = Inputs(64);
        var once = model.Forward(theta, x);
        var twice = model.Forward(theta, x);
        (once - twice).abs().max().ToDouble().Should().Be(0, "dropout is off");
        model.HomogeneityDegree.Should().Be(2, "with dropout off the network is 2-homogeneous");
    }

    [Test]
    public void Parameters_of_a_complex_dtype_are_refused()
    {
        using var module = nn.Sequential(nn.Linear(4, 3, hasBias: false, dtype: ScalarType.ComplexFloat64));
        FluentActions.Invoking(() => new ModuleModel(module, new long[] { 4 }, "complex")).Should().Throw<ArgumentException>()
            .WithMessage("complex: parameter 0.weight has dtype ComplexFloat64; a floating dtype is required*");
    }

    /// <summary>A module with a scalar parameter (a learned scale) and one output.</summary>
    private sealed class ScaledLinear : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Parameter scale;
        private readonly TorchSharp.Modules.Linear linear;

        public ScaledLinear() : base("scaled")
        {
            scale = nn.Parameter(torch.tensor(2.0, dtype: ScalarType.Float64));
            linear = nn.Linear(4, 1, hasBias: false, dtype: ScalarType.Float64);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => linear.call(x) * scale;
    }

    [Test]
    public void Scalar_parameters_and_a_single_output_are_taken()
    {
        using var module = new ScaledLinear();
        using var model = new ModuleModel(module, new long[] { 4 }, "scaled");
        model.Outputs.Should().Be(1, "K = 1 is allowed");
        model.Blocks.Select(b => (b.Name, b.IsBias, b.FanIn, b.Shape.Length)).Should().Equal(("scale", true, 1L, 0), ("linear.weight", false, 4L, 2));
        model.ParameterCount.Should().Be(5);
        model.HomogeneityDegree.Should().Be(2, "f(αθ) = α² f(θ): the scale and the weight both scale");
    }

    [Test]
    public void TorchScript_errors_are_shown_by_their_first_line_unless_it_is_blank()
    {
        TorchScriptModel.FirstLine("  unknown opcode 7 \nC++ trace:\n  frame 0").Should().Be("unknown opcode 7", "the summary line, trimmed");
        TorchScriptModel.FirstLine("one line").Should().Be("one line");
        TorchScriptModel.FirstLine(" \nthe real error\ntrace").Should().Be(" \nthe real error\ntrace", "a blank first line would hide the error: the whole message");
        TorchScriptModel.FirstLine("").Should().Be("", "an empty message stays empty");
    }

    [Test]
    public void Binding_forward_checks_the_inputs_and_messages_show_multi_dimensional_shapes()
    {
        using var module = Linear();
        using var model = new ModuleModel(module, new long[] { 4 }, "relu");
        using var scope = torch.NewDisposeScope();
        var binding = model.Bind(model.CurrentParameters());
        FluentActions.Invoking(() => binding.Forward(torch.zeros(2, 5, dtype: ScalarType.Float64))).Should().Throw<ArgumentException>()
            .WithMessage("relu expects inputs of shape [N, 4], got [2, 5]*");
        using var flat = nn.Sequential(nn.Flatten(1), nn.Linear(4, 3, hasBias: false, dtype: ScalarType.Float64), nn.Flatten(0));
        FluentActions.Invoking(() => new ModuleModel(flat, new long[] { 2, 2 }, "images")).Should().Throw<ArgumentException>()
            .WithMessage("images must map inputs [N, 2, 2] to logits [N, K], but for N = 8 it returned [24]*");
        var missing = Path.Combine(Path.GetTempPath(), "goldilocks-no-such-file.pt");
        FluentActions.Invoking(() => TorchScriptModel.Load(missing, new long[] { 784 })).Should().Throw<FileNotFoundException>()
            .WithMessage($"TorchScript file not found: {missing}");
    }
}
