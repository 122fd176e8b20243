using static TorchSharp.torch;

namespace Goldilocks.Tests.Modules;

/// <summary>Bad modules and bad uses of the module adapter: a .NET exception naming the problem, before any autograd call.</summary>
public sealed class ModuleBadInputTests
{
    private static nn.Module<Tensor, Tensor> Mlp(params nn.Module<Tensor, Tensor>[] tail) =>
        nn.Sequential(new nn.Module<Tensor, Tensor>[] { nn.Linear(4, 3, hasBias: false, dtype: ScalarType.Float64) }.Concat(tail).ToArray());

    [Test]
    public void Output_that_is_not_N_by_K_is_refused()
    {
        using var module = Mlp(nn.Flatten(0));
        FluentActions.Invoking(() => new ModuleModel(module, new long[] { 4 }, "flat-output")).Should().Throw<ArgumentException>()
            .WithMessage("*flat-output must map inputs [N, 4] to logits [N, K]*returned [24]*");
    }

    [Test]
    public void Input_shape_the_module_cannot_take_is_refused()
    {
        using var module = Mlp();
        FluentActions.Invoking(() => new ModuleModel(module, new long[] { 5 }, "mlp")).Should().Throw<ArgumentException>()
            .WithMessage("*mlp failed on a probe batch of inputs [8, 5]*");
        FluentActions.Invoking(() => new ModuleModel(module, Array.Empty<long>())).Should().Throw<ArgumentException>().WithMessage("*input shape*");
    }

    [Test]
    public void Module_without_trainable_parameters_is_refused()
    {
        using var module = nn.Sequential(nn.ReLU());
        FluentActions.Invoking(() => new ModuleModel(module, new long[] { 4 }, "relu")).Should().Throw<ArgumentException>().WithMessage("*no trainable parameters*");
    }

    [Test]
    public void Data_of_another_dtype_or_class_count_is_refused()
    {
        using var module32 = nn.Sequential(nn.Linear(4, 3, hasBias: false, dtype: ScalarType.Float32));
        using var model32 = new ModuleModel(module32, new long[] { 4 }, "mlp32");
        using var data = SyntheticClusters.Generate(6, 4, 3, seed: 1);
        FluentActions.Invoking(() => new Objective(model32, data, new CrossEntropy())).Should().Throw<ArgumentException>()
            .WithMessage("*dtype Float64 but the parameters of mlp32 have Float32*");
        using var module = Mlp();
        using var model = new ModuleModel(module, new long[] { 4 }, "mlp");
        using var five = SyntheticClusters.Generate(10, 4, 5, seed: 1);
        FluentActions.Invoking(() => new Objective(model, five, new CrossEntropy())).Should().Throw<ArgumentException>().WithMessage("*5 classes/outputs but mlp has 3 outputs*");
    }

    [Test]
    public void Forward_with_a_theta_that_requires_grad_is_refused()
    {
        using var module = Mlp();
        using var model = new ModuleModel(module, new long[] { 4 }, "mlp");
        using var scope = torch.NewDisposeScope();
        var theta = model.CurrentParameters().requires_grad_(true);
        FluentActions.Invoking(() => model.Forward(theta, torch.zeros(2, 4, dtype: ScalarType.Float64))).Should().Throw<InvalidOperationException>()
            .WithMessage("*differentiable in its parameter tensors*Bind*");
        FluentActions.Invoking(() => model.Bind(torch.zeros(model.ParameterCount + 1, dtype: ScalarType.Float64))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => model.Bind(torch.zeros(model.ParameterCount, dtype: ScalarType.Float32))).Should().Throw<ArgumentException>().WithMessage("*dtype*");
    }

    [Test]
    public void The_measured_degree_says_why_when_there_is_none()
    {
        using var module = nn.Sequential(nn.Linear(4, 5, dtype: ScalarType.Float64), nn.Tanh(), nn.Linear(5, 3, dtype: ScalarType.Float64));
        using var model = new ModuleModel(module, new long[] { 4 }, "tanh");
        model.HomogeneityDegree.Should().BeNull();
        model.Homogeneity.Reason.Should().Contain("f(αθ) ≠ α^L f(θ) for every L in 1..20").And.Contain("biases or a non-homogeneous activation");
        using var zero = nn.Sequential(nn.Linear(4, 3, hasBias: false, dtype: ScalarType.Float64));
        using (torch.no_grad()) zero.parameters().First().zero_();
        using var zeroModel = new ModuleModel(zero, new long[] { 4 }, "zero");
        zeroModel.HomogeneityDegree.Should().BeNull();
        zeroModel.Homogeneity.Reason.Should().Contain("f(θ) = 0");
    }
}
