
namespace Goldilocks.Tests.Claims.Deconstructing;

/// <summary>The fixed small problems the statistical claims run on; the FashionMNIST split is loaded once per process.</summary>
public static class StatisticalProblems
{
    private static readonly Lazy<Dataset?> Split = new(() => FashionMnist.IsAvailable() ? FashionMnist.Load(train: false, flatten: true) : null);

    /// <summary>The zone problem (G15, G16, G19-G21, G24): 10 FashionMNIST images per class and a 784-32-16-10 bias-free
    /// ReLU MLP. The margins of these tests were calibrated on FashionMNIST, so a missing dataset fails the test with the
    /// package to install instead of running on other data.</summary>
    public static ExperimentProblem Zone(long seed = 0, int perClass = 10)
    {
        var split = Split.Value ?? throw new AssertionException("FashionMNIST is not installed, and the margins of this test were calibrated on it: install the Debian package "
                + "dataset-fashion-mnist (`apt-get install dataset-fashion-mnist`; scripts/setup.sh does it in CI)");
        var problem = ExperimentProblems.FashionMnistSubset(split, perClass, seed: seed);
        TestContext.Out.WriteLine($"data: {problem}");
        return problem;
    }

    /// <summary>Machine-independent synthetic problem (snapshots and the remaining claims): 16 features, 10 classes, MLP 16-32-16-10.</summary>
    public static ExperimentProblem Synthetic(int perClass = 6, long seed = 0) => ExperimentProblems.Synthetic(perClass, seed: seed);

    public static string F(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
