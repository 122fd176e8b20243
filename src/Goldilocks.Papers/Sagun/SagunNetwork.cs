namespace Goldilocks.Papers.Sagun;

/// <summary>
/// Sagun et al. App. A scaled down (claims S4-S7): a bias-free MLP 10-width-K on <c>samples</c> points of K well
/// separated Gaussian clusters (N ≫ K), mean cross-entropy at T = 1.
/// </summary>
public static class SagunNetwork
{
    /// <summary>The model and its objective; the data are drawn with <paramref name="seed"/>.</summary>
    public static (Mlp Model, Objective Objective) Create(long seed, int classes, Activation activation, int width = 10, int samples = 200, double separation = 5.0)
    {
        var model = new Mlp(10, new[] { width }, classes, activation, bias: false);
        var data = SyntheticClusters.Generate(samples, 10, classes, seed, separation: separation);
        return (model, new Objective(model, data, new CrossEntropy()));
    }
}
