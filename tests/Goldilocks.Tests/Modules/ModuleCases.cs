using Goldilocks.Tests.Foundation;
using static TorchSharp.torch;

namespace Goldilocks.Tests.Modules;

/// <summary>One architecture twice: as a built-in flat model and as an equivalent TorchSharp nn.Sequential whose
/// parameters hold the same weights (copied here, by parameter name, from the flat θ's blocks). Owns data and module.</summary>
public sealed class ModuleCase : IDisposable
{
    public ModuleCase(string name, FlatModel flat, nn.Module<Tensor, Tensor> module, Dataset data, Tensor theta)
    {
        Name = name;
        Flat = flat;
        Module = module;
        Data = data;
        Theta = theta.DetachFromDisposeScope();
        Adapted = new ModuleModel(module, flat.InputShape, name);
    }

    public string Name { get; }
    public FlatModel Flat { get; }
    public nn.Module<Tensor, Tensor> Module { get; }
    public ModuleModel Adapted { get; }
    public Dataset Data { get; }
    public Tensor Theta { get; }

    public Objective FlatObjective(double temperature = 1, long batchSize = 12) => new(Flat, Data, new CrossEntropy(temperature), batchSize);

    public Objective ModuleObjective(double temperature = 1, long batchSize = 12) => new(Adapted, Data, new CrossEntropy(temperature), batchSize);

    public override string ToString() => Name;

    public void Dispose()
    {
        Adapted.Dispose();
        Module.Dispose();
        Data.Dispose();
        Theta.Dispose();
    }
}

/// <summary>The architectures of the module-route checks, built as nn.Sequential with the flat models' block names.</summary>
public static class ModuleCases
{
    public static readonly string[] Names = { "LeNet-300-100", "LeNet-5", "LeakyReLU-MLP-bias", "DeepLinear" };

    public static ModuleCase Create(string name, int samples = 32, long seed = 3)
    {
        var (flat, module, data) = name switch
        {
            "LeNet-300-100" => ((FlatModel)Mlp.LeNet300100(), Sequential(("fc1", Linear(784, 300, false)), ("relu1", ReLU()),
                ("fc2", Linear(300, 100, false)), ("relu2", ReLU()), ("fc3", Linear(100, 10, false))),
                SyntheticClusters.Generate(samples, 784, 10, seed)),
            "LeNet-5" => (new LeNet5(1, 28, 10, Pooling.Max), Sequential(
                ("conv1", nn.Conv2d(1, 6, 5, bias: false)), ("relu1", ReLU()), ("pool1", nn.MaxPool2d(2)),
                ("conv2", nn.Conv2d(6, 16, 5, bias: false)), ("relu2", ReLU()), ("pool2", nn.MaxPool2d(2)), ("flatten", nn.Flatten()),
                ("fc1", Linear(256, 120, false)), ("relu3", ReLU()), ("fc2", Linear(120, 84, false)), ("relu4", ReLU()),
                ("fc3", Linear(84, 10, false))),
                EngineCases.Images(samples, 1, 28, 10, seed)),
            "LeakyReLU-MLP-bias" => (new Mlp(20, new[] { 16, 12 }, 5, Activation.LeakyReLU, bias: true), Sequential(
                ("fc1", Linear(20, 16, true)), ("act1", nn.LeakyReLU(ActivationExtensions.LeakySlope)),
                ("fc2", Linear(16, 12, true)), ("act2", nn.LeakyReLU(ActivationExtensions.LeakySlope)), ("fc3", Linear(12, 5, true))),
                SyntheticClusters.Generate(samples, 20, 5, seed)),
            "DeepLinear" => (Mlp.DeepLinear(20, new[] { 16, 12 }, 5), Sequential(("fc1", Linear(20, 16, false)),
                ("fc2", Linear(16, 12, false)), ("fc3", Linear(12, 5, false))),
                SyntheticClusters.Generate(samples, 20, 5, seed)),
            _ => throw new ArgumentException($"unknown architecture {name}", nameof(name)),
        };
        using var scope = torch.NewDisposeScope();
        var theta = flat.InitialParameters(seed + 10);
        var gen = new torch.Generator((ulong)(seed + 20));
        foreach (var b in flat.Blocks.Where(b => b.IsBias))
            theta.narrow(0, b.Offset, b.Count).copy_(0.3 * torch.randn(new[] { b.Count }, dtype: ScalarType.Float64, generator: gen));
        CopyByName(flat, theta, module);
        return new ModuleCase(name, flat, module, data, theta.MoveToOuterDisposeScope());
    }

    /// <summary>Copies each block of θ into the module parameter of the same name (both in PyTorch's [out, in] layout).</summary>
    public static void CopyByName(FlatModel flat, Tensor theta, nn.Module module)
    {
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        parameters.Keys.Should().BeEquivalentTo(flat.Blocks.Select(b => b.Name));
        using var noGrad = torch.no_grad();
        foreach (var b in flat.Blocks) parameters[b.Name].copy_(b.Of(theta));
    }

    private static nn.Module<Tensor, Tensor> Linear(long inputs, long outputs, bool bias) => nn.Linear(inputs, outputs, hasBias: bias, dtype: ScalarType.Float64);

    private static nn.Module<Tensor, Tensor> ReLU() => nn.ReLU();

    private static nn.Module<Tensor, Tensor> Sequential(params (string, nn.Module<Tensor, Tensor>)[] layers) => nn.Sequential(layers);
}
