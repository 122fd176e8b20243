
namespace Goldilocks.Tests.Foundation;

/// <summary>A model, its data and a parameter point for the curvature-engine tests (float64, CPU). Owns the data.</summary>
public sealed class EngineCase : IDisposable
{
    public EngineCase(string name, FlatModel model, Dataset data, Tensor theta)
    {
        Name = name;
        Model = model;
        Data = data;
        Theta = theta.DetachFromDisposeScope();
    }

    public string Name { get; }
    public FlatModel Model { get; }
    public Dataset Data { get; }
    public Tensor Theta { get; }

    public Objective Objective(double temperature = 1.0, long batchSize = 0) => new(Model, Data, new CrossEntropy(temperature), batchSize);

    public override string ToString() => Name;

    public void Dispose()
    {
        Data.Dispose();
        Theta.Dispose();
    }
}

/// <summary>
/// The architectures the engine is checked on, and central finite differences of the gradient: an oracle that reaches
/// the Hessian by a different route than the library's shared <see cref="Goldilocks.Curvature.LinearizationPoint"/>
/// (the row-by-row one is <see cref="Oracles.AutogradHessian"/>). Test-side only; the library never calls these.
/// </summary>
public static class EngineCases
{
    /// <summary>Label for failures of engine checks that are not themselves a paper claim.</summary>
    public const string Engine = "engine";

    /// <summary>Names of the architectures, for [TestCaseSource].</summary>
    public static readonly string[] Architectures =
    {
        "MLP-ReLU-bias", "MLP-LeakyReLU-bias", "MLP-Tanh-bias", "MLP-ReLU", "DeepLinear", "LeNet5-Avg-1x16x16", "LeNet5-Max-1x16x16",
    };

    /// <summary>Architectures small enough (P ≤ 200) for a dense P×P matrix.</summary>
    public static readonly string[] DenseArchitectures = Architectures.Where(a => !a.StartsWith("LeNet5", StringComparison.Ordinal)).ToArray();

    /// <summary>Every dense architecture at T = 0.25, 1 and 4, for [TestCaseSource].</summary>
    public static IEnumerable<TestCaseData> DenseArchitecturesAndTemperatures() =>
        DenseArchitectures.SelectMany(a => new[] { 0.25, 1.0, 4.0 }.Select(t => new TestCaseData(a, t)));

    /// <summary>Builds one case. Biases (zero after Kaiming init) are set to N(0, 0.3²) so that they matter.</summary>
    public static EngineCase Create(string name, long seed = 1)
    {
        FlatModel model = name switch
        {
            "MLP-ReLU-bias" => new Mlp(6, new[] { 5, 4 }, 3, Activation.ReLU, bias: true),
            "MLP-LeakyReLU-bias" => new Mlp(6, new[] { 5, 4 }, 3, Activation.LeakyReLU, bias: true),
            "MLP-Tanh-bias" => new Mlp(6, new[] { 5, 4 }, 3, Activation.Tanh, bias: true),
            "MLP-ReLU" => new Mlp(6, new[] { 5, 4 }, 3, Activation.ReLU),
            "MLP-Tanh" => new Mlp(6, new[] { 5, 4 }, 3, Activation.Tanh),
            "MLP-LeakyReLU" => new Mlp(6, new[] { 5, 4 }, 3, Activation.LeakyReLU),
            "DeepLinear" => Mlp.DeepLinear(6, new[] { 5, 4 }, 3),
            "LeNet5-Avg-1x16x16" => new LeNet5(1, 16, 3, Pooling.Average),
            "LeNet5-Max-1x16x16" => new LeNet5(1, 16, 3, Pooling.Max),
            _ => throw new ArgumentException($"unknown architecture {name}", nameof(name)),
        };
        var data = model is LeNet5 ? Images(6, 1, 16, 3, seed) : SyntheticClusters.Generate(12, 6, 3, seed);
        using var scope = torch.NewDisposeScope();
        var theta = model.InitialParameters(seed + 100);
        var gen = new torch.Generator((ulong)(seed + 200));
        foreach (var b in model.Blocks.Where(b => b.IsBias))
            theta.narrow(0, b.Offset, b.Count).copy_(0.3 * torch.randn(new[] { b.Count }, dtype: ScalarType.Float64, generator: gen));
        return new EngineCase(name, model, data, theta.MoveToOuterDisposeScope());
    }

    /// <summary>Gaussian class clusters reshaped to images [N, c, s, s].</summary>
    public static Dataset Images(int samples, int channels, int size, int classes, long seed)
    {
        using var flat = SyntheticClusters.Generate(samples, channels * size * size, classes, seed);
        return new Dataset(flat.Inputs.view(samples, channels, size, size).clone(), flat.Targets.clone(), classes, flat.Name + " as images");
    }

    /// <summary>The rows to compare: all of them for a small model, else the first, last and two seeded random
    /// entries of every parameter block (so every layer and both pooling paths are exercised).</summary>
    public static long[] RowIndices(FlatModel model, long seed = 0)
    {
        if (model.ParameterCount <= 200) return Enumerable.Range(0, (int)model.ParameterCount).Select(i => (long)i).ToArray();
        var rng = new Random((int)seed);
        return model.Blocks.SelectMany(b => new[] { b.Offset, b.Offset + b.Count - 1, b.Offset + rng.NextInt64(b.Count), b.Offset + rng.NextInt64(b.Count) })
            .Distinct().Order().ToArray();
    }

    /// <summary>
    /// Central difference of the gradient, (∇L(θ + hv) - ∇L(θ - hv)) / 2h, with gradients from
    /// <see cref="Objective.ValueAndGradient"/> (first-order autograd only).
    /// </summary>
    public static Tensor FiniteDifferenceHessianProduct(Objective objective, Tensor theta, Tensor v, double h)
    {
        using var scope = torch.NewDisposeScope();
        var (_, plus) = objective.ValueAndGradient(theta + h * v);
        var (_, minus) = objective.ValueAndGradient(theta - h * v);
        return ((plus - minus) / (2 * h)).MoveToOuterDisposeScope();
    }

    /// <summary>Same shape and dtype and every element equal under IEEE == (identical bits up to the sign of zero).</summary>
    public static bool BitwiseEqual(Tensor a, Tensor b)
    {
        using var scope = torch.NewDisposeScope();
        return a.shape.SequenceEqual(b.shape) && a.dtype == b.dtype && torch.eq(a, b).all().item<bool>();
    }

    /// <summary>A seeded standard Gaussian vector of length n (float64, CPU).</summary>
    public static Tensor Gaussian(long n, long seed) => torch.randn(new[] { n }, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)seed));

    /// <summary>A symmetric n×n matrix Q diag(λ) Qᵀ with a seeded random orthogonal Q and the given spectrum.</summary>
    public static Tensor SymmetricWithSpectrum(double[] eigenvalues, long seed)
    {
        using var scope = torch.NewDisposeScope();
        int n = eigenvalues.Length;
        var (q, _) = torch.linalg.qr(torch.randn(new long[] { n, n }, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)seed)));
        var a = q.matmul(torch.diag(torch.tensor(eigenvalues, dtype: ScalarType.Float64))).matmul(q.t());
        return ((a + a.t()) / 2).MoveToOuterDisposeScope();
    }
}
