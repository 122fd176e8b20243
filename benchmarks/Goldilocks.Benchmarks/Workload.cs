using Goldilocks.Curvature;
using Goldilocks.Data;
using Goldilocks.Losses;
using Goldilocks.Models;
using Goldilocks.Objectives;
using Goldilocks.Runtime;

namespace Goldilocks.Benchmarks;

/// <summary>A model, its data and a point θ₀ (Kaiming init, seed 0), with a unit probe vector v.</summary>
public sealed class Workload : IDisposable
{
    public const string LeNet300100 = "LeNet-300-100";
    public const string LeNet5Name = "LeNet-5";

    private Workload(FlatModel model, Dataset data, string source)
    {
        Model = model;
        Data = data;
        Source = source;
        Objective = new Objective(model, data, new CrossEntropy());
        Theta = model.InitialParameters(0, data.DType, data.Device).DetachFromDisposeScope();
        var v = torch.randn(new[] { model.ParameterCount }, dtype: ScalarType.Float64, generator: new torch.Generator(1));
        Vector = (v / v.norm()).to(data.DType).to(data.Device).DetachFromDisposeScope();
    }

    public FlatModel Model { get; }
    public Dataset Data { get; }
    public string Source { get; }
    public Objective Objective { get; }
    public Tensor Theta { get; }
    public Tensor Vector { get; }

    /// <summary>LeNet-300-100 (or an MLP of other hidden widths) or LeNet-5 on the first <paramref name="samples"/>
    /// FashionMNIST training images (SyntheticClusters with 784 features when the files are absent).</summary>
    public static Workload Create(string model, int samples = 1000, ScalarType dtype = ScalarType.Float64, int[]? hidden = null)
    {
        TorchRuntime.EnsureLoaded();
        var device = TorchRuntime.ResolveDevice();
        using var scope = torch.NewDisposeScope();
        var (x, y, source) = Load(samples);
        FlatModel net;
        if (model == LeNet5Name)
        {
            net = new LeNet5();
            x = x.view(samples, 1, 28, 28);
        }
        else if (model == LeNet300100 && hidden is null) net = Mlp.LeNet300100();
        else net = new Mlp(784, hidden ?? new[] { 300, 100 }, 10, name: $"MLP-784-{string.Join("-", hidden ?? Array.Empty<int>())}-10");
        var data = new Dataset(x.to(dtype).to(device).MoveToOuterDisposeScope(), y.to(device).MoveToOuterDisposeScope(), 10, source);
        return new Workload(net, data, source);
    }

    /// <summary>The dense-Hessian workload: MLP 24-40-20-10 without biases (P = 1,960) on 256 synthetic samples.</summary>
    public static Workload CreateSmallMlp()
    {
        TorchRuntime.EnsureLoaded();
        var data = SyntheticClusters.Generate(256, 24, 10, seed: 0, device: TorchRuntime.ResolveDevice());
        return new Workload(new Mlp(24, new[] { 40, 20 }, 10), data, data.Name);
    }

    private static (Tensor X, Tensor Y, string Source) Load(int samples)
    {
        if (FashionMnistReader.Available())
        {
            var (pixels, labels) = FashionMnistReader.Read(samples);
            var x = SyntheticClusters.Standardize(torch.tensor(pixels, new long[] { samples, 784 }, ScalarType.Float64));
            return (x, torch.tensor(labels), $"FashionMNIST train[0..{samples})");
        }
        var synthetic = SyntheticClusters.Generate(samples, 784, 10, seed: 0);
        return (synthetic.Inputs, synthetic.Targets, $"SyntheticClusters(N={samples}, D=784, K=10) (FashionMNIST files absent)");
    }

    /// <summary>A d-column orthonormal basis on the workload's dtype/device.</summary>
    public Tensor Basis(int d) => SubspaceBasis.Create(Model.ParameterCount, d, seed: 7, dtype: Data.DType, device: Data.Device);

    public LinearizationPoint Linearize() => new(Objective, Theta);

    public void Dispose()
    {
        Theta.Dispose();
        Vector.Dispose();
        Data.Dispose();
    }
}
