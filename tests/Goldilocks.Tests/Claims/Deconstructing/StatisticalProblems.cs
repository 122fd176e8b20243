
namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>The fixed small problems the statistical claims run on; the FashionMNIST split is loaded once per process.</summary>
public static class StatisticalProblems
{
    private static readonly Lazy<Dataset?> Split = new(() => FashionMnist.IsAvailable() ? FashionMnist.Load(train: false, flatten: true) : null);

    /// <summary>The zone problem (G19-G21): 10 FashionMNIST images per class and a 784-32-16-10 bias-free ReLU MLP when the
    /// dataset is installed, 6 synthetic samples per class otherwise. The test output says which ran.</summary>
    public static ExperimentProblem Zone(long seed = 0, int perClass = 10)
    {
        var problem = Split.Value is { } split
            ? ExperimentProblems.FashionMnistSubset(split, perClass, seed: seed)
            : ExperimentProblems.Synthetic(Math.Min(perClass, 30), seed: seed);
        TestContext.Out.WriteLine($"data: {problem}");
        return problem;
    }

    /// <summary>Machine-independent synthetic problem (snapshots and the remaining claims): 16 features, 10 classes, MLP 16-32-16-10.</summary>
    public static ExperimentProblem Synthetic(int perClass = 6, long seed = 0) => ExperimentProblems.Synthetic(perClass, seed: seed);

    public static string F(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
