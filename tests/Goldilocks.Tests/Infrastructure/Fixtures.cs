
namespace Goldilocks.Tests.Infrastructure;

/// <summary>Small float64 models and datasets shared by tests.</summary>
public static class Fixtures
{
    /// <summary>A bias-free ReLU MLP 6-5-4-3 (P = 30+20+12 = 62, L = 3) on 12 synthetic samples.</summary>
    public static (Mlp Model, Dataset Data) TinyReluNet(long seed = 1, int samples = 12, Activation activation = Activation.ReLU, bool bias = false)
    {
        var model = new Mlp(6, new[] { 5, 4 }, 3, activation, bias);
        var data = SyntheticClusters.Generate(samples, 6, 3, seed);
        return (model, data);
    }

    public static Objective CrossEntropyObjective(FlatModel model, Dataset data, double temperature = 1.0, long batchSize = 0) =>
        new(model, data, new CrossEntropy(temperature), batchSize);
}
