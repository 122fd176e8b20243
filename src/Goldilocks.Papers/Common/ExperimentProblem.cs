
namespace Goldilocks.Papers.Common;

/// <summary>A model and the data it is measured on; <see cref="Source"/> says which data ran ("FashionMNIST" or "synthetic").</summary>
/// <param name="Model">The model.</param>
/// <param name="Data">The data (owned by the problem).</param>
/// <param name="Source">"FashionMNIST" or "synthetic".</param>
public sealed record ExperimentProblem(FlatModel Model, Dataset Data, string Source) : IDisposable
{
    /// <summary>Disposes the dataset.</summary>
    public void Dispose() => Data.Dispose();

    /// <summary>Model, data name, source and N, e.g. "MLP-… on synthetic (synthetic, N = 100)".</summary>
    public override string ToString() => $"{Model} on {Data.Name} ({Source}, N = {Data.Count})";
}

/// <summary>Laptop-scale stand-ins for the paper's setups (LeNet-300-100 on FashionMNIST, Sec. 3 and 5).</summary>
public static class ExperimentProblems
{
    /// <summary>Default bias-free ReLU MLP widths for the laptop-scale zone (L = 3 like LeNet-300-100).</summary>
    public static readonly IReadOnlyList<int> DefaultHidden = new[] { 32, 16 };

    /// <summary>Balanced synthetic clusters (10 classes) and a bias-free ReLU MLP on them.</summary>
    public static ExperimentProblem Synthetic(int perClass = 6, int features = 16, int classes = 10, IReadOnlyList<int>? hidden = null, long seed = 0)
    {
        var data = SyntheticClusters.Generate(perClass * classes, features, classes, seed);
        return new ExperimentProblem(new Mlp(features, hidden ?? DefaultHidden, classes), data, "synthetic");
    }

    /// <summary>
    /// A balanced FashionMNIST subset (flattened 784 inputs) with a bias-free ReLU MLP, taken from an already
    /// loaded split so callers can load it once. <paramref name="split"/> is not disposed.
    /// </summary>
    public static ExperimentProblem FashionMnistSubset(Dataset split, int perClass, IReadOnlyList<int>? hidden = null, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(split);
        var subset = Subsets.Balanced(split, perClass, seed);
        return new ExperimentProblem(new Mlp(784, hidden ?? DefaultHidden, FashionMnist.Classes), subset, "FashionMNIST");
    }

    /// <summary>FashionMNIST when installed (<see cref="FashionMnist.IsAvailable"/>), synthetic clusters otherwise.</summary>
    public static ExperimentProblem FashionMnistOrSynthetic(int perClass, IReadOnlyList<int>? hidden = null, long seed = 0, string? directory = null)
    {
        if (!FashionMnist.IsAvailable(directory)) return Synthetic(perClass, hidden: hidden, seed: seed);
        using var split = FashionMnist.Load(directory, train: false, flatten: true);
        return FashionMnistSubset(split, perClass, hidden, seed);
    }
}
